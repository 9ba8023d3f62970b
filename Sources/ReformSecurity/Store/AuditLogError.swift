/// Why ``AuditLog`` refused an entry or a query, with a message that names the field at fault
/// (`method: required`), fit to show the caller.
///
/// ``Kind`` says which gRPC status the coordinator answers with; the log itself knows nothing
/// of gRPC.
public struct AuditLogError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The class of failure, mapping one-to-one onto a gRPC status code.
  public struct Kind: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable { case invalidArgument }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// A field is missing or wrong, or a page token is not one this log issued:
    /// `INVALID_ARGUMENT`.
    public static let invalidArgument = Kind(.invalidArgument)

    /// The kind's name, e.g. `invalidArgument`.
    public var description: String {
      switch base {
      case .invalidArgument: "invalidArgument"
      }
    }
  }

  /// The class of failure.
  public var kind: Kind
  /// `field: what is wrong`, e.g. `method: required`.
  public var message: String

  /// A failure of `kind` described by `message`.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// A missing or wrong field: `field: problem`.
  static func invalid(_ field: String, _ problem: String) -> AuditLogError {
    AuditLogError(.invalidArgument, "\(field): \(problem)")
  }

  /// The message.
  public var description: String { message }
}
