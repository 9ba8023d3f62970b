import Foundation

/// Base64 of a byte stream that arrives in chunks of any size: whole 3-byte groups are encoded
/// as they come and at most two bytes wait for the next chunk, so a 50 MB attachment is never
/// held whole.
struct Base64ChunkEncoder {
  private var pending = Data()

  /// The base64 of every complete group that `chunk` completes.
  mutating func encode(_ chunk: Data) -> Data {
    pending.append(chunk)
    let whole = pending.count - pending.count % 3
    guard whole > 0 else { return Data() }
    let encoded = pending.prefix(whole).base64EncodedData()
    pending = Data(pending.suffix(from: pending.startIndex + whole))
    return encoded
  }

  /// The base64 of the last bytes, with padding.
  mutating func finish() -> Data {
    defer { pending = Data() }
    return pending.base64EncodedData()
  }
}
