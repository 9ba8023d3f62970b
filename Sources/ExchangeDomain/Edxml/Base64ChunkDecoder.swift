import Foundation

/// Bytes of base64 text that arrives in pieces of any size (an XML parser splits text where it
/// likes): white space is skipped, whole 4-character groups are decoded as they come.
struct Base64ChunkDecoder {
  private var pending: [UInt8] = []
  private var finished = false

  /// The bytes of every complete group that `text` completes; nil when the text is not base64.
  mutating func decode(_ text: String) -> Data? {
    for byte in text.utf8 where !Base64ChunkDecoder.isWhitespace(byte) {
      // Padding may only end the content.
      if finished { return nil }
      pending.append(byte)
    }
    let whole = pending.count - pending.count % 4
    guard whole > 0 else { return Data() }
    guard let decoded = Data(base64Encoded: Data(pending[..<whole])) else { return nil }
    if pending[whole - 1] == UInt8(ascii: "=") { finished = true }
    pending.removeFirst(whole)
    return decoded
  }

  /// Whether the text ended on a group boundary, as valid base64 does.
  var isComplete: Bool { pending.isEmpty }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
