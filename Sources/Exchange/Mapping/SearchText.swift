import ExchangeDomain
import Foundation

/// The `LIKE` patterns lists search subjects with: each document keeps its subject folded
/// (``ExchangeDomain/OutgoingDocument/searchableSubject``), so lists filter in SQL and page
/// through the store.
enum SearchText {
  /// A `LIKE` pattern (with `\` as escape) that finds `needle`, folded as subjects are, anywhere.
  static func likePattern(_ needle: String) -> String {
    var pattern = "%"
    for character in needle.trimmingCharacters(in: .whitespacesAndNewlines).searchFolded {
      if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
      pattern.append(character)
    }
    return pattern + "%"
  }
}
