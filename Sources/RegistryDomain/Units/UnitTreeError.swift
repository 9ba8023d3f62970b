import ReformKit

/// Why the unit tree refused a unit or a change: the field at fault and what to do.
public struct UnitTreeError: DomainFailure, Hashable {
  /// The class of the error, for the gRPC status.
  public var kind: DomainErrorKind
  /// The field at fault, e.g. `"parent_code"`.
  public var field: String
  /// What is wrong and how to put it right.
  public var message: String

  /// Makes an error.
  public init(kind: DomainErrorKind, field: String, message: String) {
    self.kind = kind
    self.field = field
    self.message = message
  }

  /// A malformed field.
  static func invalid(_ field: String, _ message: String) -> UnitTreeError {
    UnitTreeError(kind: .invalidArgument, field: field, message: message)
  }

  /// A field that is well formed but that the tree's state refuses.
  static func precondition(_ field: String, _ message: String) -> UnitTreeError {
    UnitTreeError(kind: .failedPrecondition, field: field, message: message)
  }

  /// A unit the field names does not exist.
  static func notFound(_ field: String, code: String) -> UnitTreeError {
    UnitTreeError(kind: .notFound, field: field, message: "unit \"\(code)\" does not exist")
  }
}
