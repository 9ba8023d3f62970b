import ReformKit

/// An evaluation field that cannot be rated: which list and entry, whose it is, the path of
/// the field (`persons[12].scores.commonCriteriaHundredths`) and what is wrong.
public struct ClassificationInputError: DomainFailure, Hashable {
  /// The class of failure, for the gRPC status.
  public var kind: DomainErrorKind
  /// Path of the field, e.g. `persons[12].scores.commonCriteriaHundredths`.
  public var field: String
  /// The person id or unit code of the entry, when there is one.
  public var subjectId: String?
  /// What is wrong, e.g. "3050 exceeds the maximum 3000 (30 points)".
  public var message: String

  /// A failure at `field` of `subjectId`'s entry.
  public init(
    _ kind: DomainErrorKind = .invalidArgument, field: String, subjectId: String? = nil, _ message: String
  ) {
    self.kind = kind
    self.field = field
    self.subjectId = subjectId
    self.message = message
  }

  /// `field (subject): message`.
  public var description: String {
    let subject = subjectId.map { " (\($0))" } ?? ""
    return "\(field)\(subject): \(message)"
  }
}
