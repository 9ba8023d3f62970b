import Foundation
import ReformKit

// `normalizedText` (NFC, trimmed), the form every text of a stored document takes, is
// ReformKit's.
extension String {
  /// Empty or only white space.
  var isBlank: Bool { allSatisfy(\.isWhitespace) }

  /// True when the text holds a character an XML 1.0 document cannot carry or a person cannot
  /// see: a control character (tab, line feed and carriage return aside, when `multiline`), or
  /// U+FFFE/U+FFFF. Refusing these at validation is what lets the edXML writer never fail on text.
  func hasForbiddenCharacter(multiline: Bool) -> Bool {
    unicodeScalars.contains { scalar in
      if scalar.value == 0xFFFE || scalar.value == 0xFFFF { return true }
      guard scalar.properties.generalCategory == .control else { return false }
      return !(multiline && (scalar == "\t" || scalar == "\n" || scalar == "\r"))
    }
  }

  /// Lower-cased, without diacritics and with `đ` read as `d`: the form in which a search for
  /// "quyet dinh" finds "Quyết định" (the inbox filter's, and the one a store keeps to search in).
  public var searchFolded: String {
    precomposedStringWithCanonicalMapping
      .replacingOccurrences(of: "đ", with: "d")
      .replacingOccurrences(of: "Đ", with: "D")
      .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}
