import GRPCCore

extension ReformError {
  /// A gRPC status code other than OK: an open set of values, so the struct wraps a private
  /// enum and a `switch` over it needs a `default`.
  ///
  /// Codes compare with `==` and match in `case` patterns: `case .notFound:`.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Base: Int, Hashable, Sendable {
      case cancelled = 1, unknown, invalidArgument, deadlineExceeded, notFound, alreadyExists
      case permissionDenied, resourceExhausted, failedPrecondition, aborted, outOfRange
      case unimplemented, internalError, unavailable, dataLoss, unauthenticated
    }

    private let base: Base
    private init(base: Base) { self.base = base }

    /// The numeric gRPC status code, 1 to 16.
    public var rawValue: Int { base.rawValue }

    /// The code with the given numeric value, or `nil` for 0 (OK) and numbers gRPC does not
    /// define.
    public init?(rawValue: Int) {
      guard let base = Base(rawValue: rawValue) else { return nil }
      self.base = base
    }

    /// The same code as gRPC's.
    public init(_ code: RPCError.Code) {
      // Both sides number codes as the gRPC specification does, so the number carries over.
      self.base = Base(rawValue: code.rawValue) ?? .unknown
    }

    /// The canonical name of the code, e.g. `DEADLINE_EXCEEDED`.
    public var description: String {
      switch base {
      case .cancelled: "CANCELLED"
      case .unknown: "UNKNOWN"
      case .invalidArgument: "INVALID_ARGUMENT"
      case .deadlineExceeded: "DEADLINE_EXCEEDED"
      case .notFound: "NOT_FOUND"
      case .alreadyExists: "ALREADY_EXISTS"
      case .permissionDenied: "PERMISSION_DENIED"
      case .resourceExhausted: "RESOURCE_EXHAUSTED"
      case .failedPrecondition: "FAILED_PRECONDITION"
      case .aborted: "ABORTED"
      case .outOfRange: "OUT_OF_RANGE"
      case .unimplemented: "UNIMPLEMENTED"
      case .internalError: "INTERNAL"
      case .unavailable: "UNAVAILABLE"
      case .dataLoss: "DATA_LOSS"
      case .unauthenticated: "UNAUTHENTICATED"
      }
    }

    /// The call was cancelled, usually by its caller.
    public static let cancelled = Code(base: .cancelled)
    /// An error the server could not classify.
    public static let unknown = Code(base: .unknown)
    /// The request is wrong whatever the system's state: a bad or missing field.
    public static let invalidArgument = Code(base: .invalidArgument)
    /// The deadline passed before the call finished; it may or may not have taken effect.
    public static let deadlineExceeded = Code(base: .deadlineExceeded)
    /// What the request names does not exist.
    public static let notFound = Code(base: .notFound)
    /// What the request would create exists already.
    public static let alreadyExists = Code(base: .alreadyExists)
    /// The caller is known but may not do this.
    public static let permissionDenied = Code(base: .permissionDenied)
    /// A bound was reached, e.g. a module's queue is full; retrying later may succeed.
    public static let resourceExhausted = Code(base: .resourceExhausted)
    /// The system is not in the state the call needs.
    public static let failedPrecondition = Code(base: .failedPrecondition)
    /// The call was aborted, typically by a conflict with another.
    public static let aborted = Code(base: .aborted)
    /// A value is past the valid range.
    public static let outOfRange = Code(base: .outOfRange)
    /// The server does not serve this method.
    public static let unimplemented = Code(base: .unimplemented)
    /// The server broke an invariant of its own.
    public static let internalError = Code(base: .internalError)
    /// The server could not be reached or has no worker for the call; retrying may succeed.
    public static let unavailable = Code(base: .unavailable)
    /// Data was lost or corrupted.
    public static let dataLoss = Code(base: .dataLoss)
    /// The call carried no valid credentials.
    public static let unauthenticated = Code(base: .unauthenticated)
  }
}

extension RPCError.Code {
  /// The same code as a ``ReformError/Code-swift.struct``.
  public init(_ code: ReformError.Code) {
    // Every ReformError code is one of gRPC's non-OK codes, so the lookup always succeeds.
    self = RPCError.Code(Status.Code(rawValue: code.rawValue) ?? .unknown) ?? .unknown
  }
}
