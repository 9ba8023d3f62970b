/// Escaping for text placed in HTML and SVG: every `&`, `<`, `>`, `"` and `'` becomes an
/// entity, so that no name or note can open a tag or leave an attribute.
enum HTMLText {
  /// The text safe in element content and in quoted attributes. The five characters are
  /// ASCII, so they are found among the UTF-8 bytes, even where a combining mark follows one.
  static func escaped(_ text: String) -> String {
    var text = text
    return text.withUTF8 { utf8 in
      guard utf8.contains(where: isSpecial) else { return nil }
      var bytes: [UInt8] = []
      bytes.reserveCapacity(utf8.count + 16)
      for byte in utf8 {
        switch byte {
        case UInt8(ascii: "&"): bytes += "&amp;".utf8
        case UInt8(ascii: "<"): bytes += "&lt;".utf8
        case UInt8(ascii: ">"): bytes += "&gt;".utf8
        case UInt8(ascii: "\""): bytes += "&quot;".utf8
        case UInt8(ascii: "'"): bytes += "&#39;".utf8
        default: bytes.append(byte)
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    } ?? text
  }

  private static func isSpecial(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
    default: false
    }
  }
}
