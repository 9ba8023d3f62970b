import ReformKit

/// Reads what ``ByteWriter`` wrote. Bytes that end early or do not decode throw
/// ``StoreFailure/corrupt(store:detail:)`` rather than trapping: a damaged row is an error, not a crash.
struct ByteReader {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func byte() throws(StoreFailure) -> UInt8 {
    guard position < bytes.count else { throw StoreFailure.damaged("a stored value ends early") }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func int() throws(StoreFailure) -> Int {
    var zigzag: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 64 else { throw StoreFailure.damaged("a stored number is too long") }
      zigzag |= UInt64(next & 0x7F) << shift
      if next & 0x80 == 0 { break }
      shift += 7
    }
    return Int(Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
  }

  mutating func string() throws(StoreFailure) -> String {
    let count = try int()
    guard count >= 0, count <= bytes.count - position else { throw StoreFailure.damaged("a stored text ends early") }
    defer { position += count }
    return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
  }

  mutating func data() throws(StoreFailure) -> [UInt8] {
    let count = try int()
    guard count >= 0, count <= bytes.count - position else { throw StoreFailure.damaged("stored bytes end early") }
    defer { position += count }
    return Array(bytes[position..<(position + count)])
  }

  mutating func optionalString() throws(StoreFailure) -> String? {
    try byte() == 0 ? nil : string()
  }

  mutating func strings() throws(StoreFailure) -> [String] {
    let count = try int()
    guard count >= 0, count <= bytes.count - position else { throw StoreFailure.damaged("a stored list ends early") }
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }
}
