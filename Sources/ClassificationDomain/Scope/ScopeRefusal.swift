import ReformKit

/// A write refused because it reaches outside the caller's unit, or names a person the
/// registry does not have: the field at fault (as the request spells it) and why.
public struct ScopeRefusal: DomainFailure, Hashable {
  public var kind: DomainErrorKind
  public var field: String
  public var message: String

  public init(kind: DomainErrorKind, field: String, message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }
}
