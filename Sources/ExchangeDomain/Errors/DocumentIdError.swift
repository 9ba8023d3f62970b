import ReformKit

/// Why a text is not a ``DocumentId`` in the national form
/// `OrganId,yyyy/mm/dd,CodeNumber/CodeNotation`, naming the part that is wrong.
public struct DocumentIdError: DomainFailure, Equatable {
  /// The part of a DocumentId at fault.
  public enum Part: String, Sendable, Hashable {
    /// The whole text: wrong number of comma-separated parts, or no `/` in the code.
    case documentId
    /// The issuing organ's OrganId (first part).
    case organId
    /// The date of issue, `yyyy/mm/dd` (second part).
    case issuedDate
    /// The number, before the first `/` of the third part.
    case codeNumber
    /// The notation, after the first `/` of the third part.
    case codeNotation
  }

  /// The part at fault.
  public var part: Part
  /// What is wrong with it.
  public var message: String

  /// A failure of `part`.
  public init(_ part: Part, _ message: String) {
    self.part = part
    self.message = message
  }

  /// Always `invalidArgument`: a DocumentId is text the caller wrote.
  public var kind: DomainErrorKind { .invalidArgument }
  /// The part's name, e.g. `codeNotation`.
  public var field: String { part.rawValue }
}
