/// Why ``TokenStore`` or ``AuditLog`` refused a request, with a message that names the field
/// at fault (`principal.roles: at least one role is required`, `method: required`), fit to
/// show the caller.
///
/// ``Kind`` says which gRPC status the coordinator answers with; the stores themselves know
/// nothing of gRPC.
public struct SecurityStoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The class of failure, mapping one-to-one onto a gRPC status code.
  public struct Kind: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable { case invalidArgument, notFound, conflict }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// A field is missing or wrong, or a page token is not one the store issued:
    /// `INVALID_ARGUMENT`.
    public static let invalidArgument = Kind(.invalidArgument)
    /// No token has the given id: `NOT_FOUND`.
    public static let notFound = Kind(.notFound)
    /// The idempotency key was used before for a different request: `ALREADY_EXISTS`.
    public static let conflict = Kind(.conflict)

    /// The kind's name, e.g. `invalidArgument`.
    public var description: String {
      switch base {
      case .invalidArgument: "invalidArgument"
      case .notFound: "notFound"
      case .conflict: "conflict"
      }
    }
  }

  /// The class of failure.
  public var kind: Kind
  /// `field: what is wrong`, e.g. `expires_at: must be in the future`.
  public var message: String

  /// A failure of `kind` described by `message`.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// A missing or wrong field: `field: problem`.
  static func invalid(_ field: String, _ problem: String) -> SecurityStoreError {
    SecurityStoreError(.invalidArgument, "\(field): \(problem)")
  }

  /// The message.
  public var description: String { message }
}
