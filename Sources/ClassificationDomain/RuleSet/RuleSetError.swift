import ReformKit

/// Why a rule set was refused: the path of the field at fault in the JSON
/// (`rules[3].parameters.minHundredths`) and what to change.
public struct RuleSetError: DomainFailure, Hashable {
  /// The class of failure; always ``DomainErrorKind/invalidArgument`` for a set that
  /// does not read or does not hold together.
  public var kind: DomainErrorKind
  /// Path of the field, e.g. `rules[3].parameters.minHundredths`; `json` when the text is not
  /// JSON at all.
  public var field: String
  /// What is wrong, e.g. "12000 is above the scale's maximum 10000".
  public var message: String

  /// A failure at `field`.
  public init(_ kind: DomainErrorKind = .invalidArgument, field: String, _ message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }

  /// `field: message`.
  public var description: String { "\(field): \(message)" }
}
