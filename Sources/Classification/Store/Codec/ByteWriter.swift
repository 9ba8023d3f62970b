/// Appends integers and strings to a byte buffer in a compact form: zig-zag varints, and
/// strings as their UTF-8 length then bytes. What the store keeps of each rating's checks is
/// written with it, so that 100,000 ratings take a few megabytes.
struct ByteWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 64) {
    bytes.reserveCapacity(capacity)
  }

  /// A small unsigned number in one byte; the caller keeps it below 256.
  mutating func byte(_ value: UInt8) { bytes.append(value) }

  /// A signed number as a zig-zag varint.
  mutating func int(_ value: Int) {
    var zigzag = UInt64(bitPattern: Int64(value) << 1) ^ UInt64(bitPattern: Int64(value) >> 63)
    while zigzag >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
      zigzag >>= 7
    }
    bytes.append(UInt8(zigzag))
  }

  /// A string: its UTF-8 length, then its bytes.
  mutating func string(_ value: String) {
    int(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  /// An optional string: 0 for none, 1 then the string.
  mutating func optionalString(_ value: String?) {
    if let value {
      byte(1)
      string(value)
    } else {
      byte(0)
    }
  }

  /// A run of bytes: its length, then the bytes.
  mutating func data(_ value: [UInt8]) {
    int(value.count)
    bytes.append(contentsOf: value)
  }

  /// A list of strings: the count, then each.
  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }
}
