/// The class of a classification error, mapping one-to-one onto a gRPC status code so that the
/// handler layer can answer without knowing the domain.
///
/// An open set of values: a struct around a private enum, with one `static let` per kind.
public struct ClassificationErrorKind: Sendable, Hashable, CustomStringConvertible {
  private enum Base: Sendable, Hashable {
    case invalidArgument, failedPrecondition, notFound, alreadyExists, permissionDenied
  }
  private let base: Base
  private init(_ base: Base) { self.base = base }

  /// A field is missing, malformed or out of range: `INVALID_ARGUMENT`.
  public static let invalidArgument = ClassificationErrorKind(.invalidArgument)
  /// The request is well formed but the state does not allow it, e.g. a rule set that does not
  /// apply to the year or to the subject kind: `FAILED_PRECONDITION`.
  public static let failedPrecondition = ClassificationErrorKind(.failedPrecondition)
  /// Something named does not exist: `NOT_FOUND`.
  public static let notFound = ClassificationErrorKind(.notFound)
  /// Something is given twice where it must be unique: `ALREADY_EXISTS`.
  public static let alreadyExists = ClassificationErrorKind(.alreadyExists)
  /// The caller may not do this: `PERMISSION_DENIED`.
  public static let permissionDenied = ClassificationErrorKind(.permissionDenied)

  /// The kind's name, e.g. `invalidArgument`.
  public var description: String {
    switch base {
    case .invalidArgument: "invalidArgument"
    case .failedPrecondition: "failedPrecondition"
    case .notFound: "notFound"
    case .alreadyExists: "alreadyExists"
    case .permissionDenied: "permissionDenied"
    }
  }
}
