/// The class of an inspection-domain failure, mapping one-to-one onto a gRPC status code, so
/// the handler layer answers with the right status without knowing the domain's rules.
///
/// An open set: a struct wrapping a private enum, with one `static let` per kind.
public struct InspectionErrorKind: Sendable, Hashable, CustomStringConvertible {
  private enum Base: Sendable, Hashable {
    case invalidArgument, failedPrecondition, notFound, alreadyExists, permissionDenied
  }

  private let base: Base
  private init(_ base: Base) { self.base = base }

  /// A field is missing, malformed or out of range: `INVALID_ARGUMENT`.
  public static let invalidArgument = InspectionErrorKind(.invalidArgument)
  /// The request is well formed but the state it applies to does not allow it:
  /// `FAILED_PRECONDITION`.
  public static let failedPrecondition = InspectionErrorKind(.failedPrecondition)
  /// Something the request names does not exist: `NOT_FOUND`.
  public static let notFound = InspectionErrorKind(.notFound)
  /// Something the request would create exists already: `ALREADY_EXISTS`.
  public static let alreadyExists = InspectionErrorKind(.alreadyExists)
  /// The caller may not do this: `PERMISSION_DENIED`.
  public static let permissionDenied = InspectionErrorKind(.permissionDenied)

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
