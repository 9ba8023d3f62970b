import Foundation

/// Subjects folded for search, as the domain's inbox filter folds them: NFC, `đ` read as `d`,
/// then case and diacritics dropped, so "quyet dinh" finds "Quyết định". The fold is stored with
/// each document so that lists filter in SQL and page through the store.
enum SearchText {
  static func fold(_ text: String) -> String {
    text.precomposedStringWithCanonicalMapping
      .replacingOccurrences(of: "đ", with: "d")
      .replacingOccurrences(of: "Đ", with: "D")
      .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  /// A `LIKE` pattern (with `\` as escape) that finds `needle`, folded, anywhere.
  static func likePattern(_ needle: String) -> String {
    var pattern = "%"
    for character in fold(needle.trimmingCharacters(in: .whitespacesAndNewlines)) {
      if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
      pattern.append(character)
    }
    return pattern + "%"
  }
}
