/// A short fingerprint of text (64-bit FNV-1a over its UTF-8, in hex), for pinning large
/// outputs — a report over a hundred and sixty units, a list of thousands of people — whose
/// every byte matters but whose text is too long to write into a test.
func digest(_ text: String) -> String { digest(Array(text.utf8)) }

/// ``digest(_:)`` of bytes.
func digest(_ bytes: [UInt8]) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
  let hex = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}
