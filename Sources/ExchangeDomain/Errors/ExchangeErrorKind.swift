/// The class of an exchange failure, mapping one-to-one onto a gRPC status code, so the handler
/// layer answers a caller without knowing which rule failed.
///
/// Every error of this module (``DocumentError``, ``DocumentIdError``, ``DuplicateError``,
/// ``TransitionError``, ``EdxmlError``) carries one, through ``ExchangeFailure``.
public struct ExchangeErrorKind: Sendable, Hashable, CustomStringConvertible {
  private enum Base: Sendable, Hashable {
    case invalidArgument, failedPrecondition, notFound, alreadyExists, permissionDenied
  }
  private let base: Base
  private init(_ base: Base) { self.base = base }

  /// A field is missing or malformed: `INVALID_ARGUMENT`.
  public static let invalidArgument = ExchangeErrorKind(.invalidArgument)
  /// The request is well formed but the state forbids it (a secret document, a status notice the
  /// copy's current state does not take): `FAILED_PRECONDITION`.
  public static let failedPrecondition = ExchangeErrorKind(.failedPrecondition)
  /// Something the request names does not exist: `NOT_FOUND`.
  public static let notFound = ExchangeErrorKind(.notFound)
  /// The document duplicates an earlier one and the sender did not confirm it: `ALREADY_EXISTS`.
  public static let alreadyExists = ExchangeErrorKind(.alreadyExists)
  /// The acting party may not do this (a sender giving a receiver's notice): `PERMISSION_DENIED`.
  public static let permissionDenied = ExchangeErrorKind(.permissionDenied)

  /// The kind's name, e.g. `failedPrecondition`.
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
