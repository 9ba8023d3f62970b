/// Escaping for text placed in HTML and SVG: every `&`, `<`, `>`, `"` and `'` becomes an
/// entity, so that no name or note can open a tag or leave an attribute.
enum HTMLText {
  /// The text safe in element content and in quoted attributes.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
