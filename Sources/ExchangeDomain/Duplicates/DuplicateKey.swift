import Foundation

/// What the second duplicate rule compares: the issuing organ, the year of issue, the number and
/// the notation, each in a form that ignores how it was typed.
///
/// The number is compared without leading zeros ("01" and "1" are the same số) and the notation
/// in NFC lower case ("QĐ-UBND" and "qđ-ubnd" are the same ký hiệu), because a warning too many
/// costs the sender one confirmation while a missed duplicate is sent twice. A store can keep
/// this key to find candidates without loading every document.
public struct DuplicateKey: Sendable, Hashable {
  /// The issuing organ.
  public let organId: OrganId
  /// The year of issue.
  public let year: Int
  /// The number without leading zeros ("0" stays "0").
  public let codeNumber: String
  /// The notation in NFC lower case.
  public let codeNotation: String

  /// The key of `documentId`.
  public init(_ documentId: DocumentId) {
    organId = documentId.organId
    year = documentId.issuedDate.year
    let trimmed = documentId.codeNumber.drop { $0 == "0" }
    codeNumber = trimmed.isEmpty ? "0" : String(trimmed)
    codeNotation = documentId.codeNotation.lowercased().precomposedStringWithCanonicalMapping
  }
}
