import GRPCCore

/// Reads what ``ByteWriter`` wrote. Bytes that end early or do not decode throw
/// ``StoredDataError`` rather than trapping: a damaged row is an error, not a crash.
struct ByteReader {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func byte() throws(StoredDataError) -> UInt8 {
    guard position < bytes.count else { throw StoredDataError("a stored value ends early") }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func int() throws(StoredDataError) -> Int {
    var zigzag: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 64 else { throw StoredDataError("a stored number is too long") }
      zigzag |= UInt64(next & 0x7F) << shift
      if next & 0x80 == 0 { break }
      shift += 7
    }
    return Int(Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
  }

  mutating func string() throws(StoredDataError) -> String {
    let count = try int()
    guard count >= 0, count <= bytes.count - position else { throw StoredDataError("a stored text ends early") }
    defer { position += count }
    return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
  }

  mutating func data() throws(StoredDataError) -> [UInt8] {
    let count = try int()
    guard count >= 0, count <= bytes.count - position else { throw StoredDataError("stored bytes end early") }
    defer { position += count }
    return Array(bytes[position..<(position + count)])
  }

  mutating func optionalString() throws(StoredDataError) -> String? {
    try byte() == 0 ? nil : string()
  }

  mutating func strings() throws(StoredDataError) -> [String] {
    let count = try int()
    guard count >= 0, count <= bytes.count - position else { throw StoredDataError("a stored list ends early") }
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }
}

/// A stored row that does not read back: the store was damaged or written by another program.
struct StoredDataError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

extension StoredDataError: RPCErrorConvertible {
  var rpcErrorCode: RPCError.Code { .internalError }
  var rpcErrorMessage: String { "the classification store holds a damaged value: \(description)" }
}
