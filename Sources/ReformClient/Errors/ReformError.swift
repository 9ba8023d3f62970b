import GRPCCore

/// The one error every call of ``ReformClient`` throws: a gRPC status code a caller can switch
/// on, the message the server (or the client) gave, and what caused it.
///
/// Failures that never reached a server — a refused connection, a closed socket, a client
/// already shut down — are ``Code-swift.struct/unavailable``, as gRPC itself reports them, so a
/// caller needs one `catch` for the network and the server alike:
///
/// ```swift
/// do {
///   _ = try await client.admin.drainWorker(id: id)
/// } catch where error.code == .notFound {
///   print("no worker \(id)")
/// }
/// ```
///
/// ## Topics
/// - ``code``, ``message``, ``cause``: what went wrong.
/// - ``Code-swift.struct``: the gRPC status codes.
/// - ``init(_:)``: the mapping from any error a call can meet.
public struct ReformError: Error, Sendable, CustomStringConvertible {
  /// The gRPC status code of the failure.
  public var code: Code

  /// What went wrong, in words a person can act on; for a server's status, its message.
  public var message: String

  /// The error this one was made from (an `RPCError`, a transport error, an error thrown by a
  /// caller's stream handler), or `nil` when the client raised it itself.
  public var cause: (any Error)?

  /// An error with the given code and message.
  public init(code: Code, message: String, cause: (any Error)? = nil) {
    self.code = code
    self.message = message
    self.cause = cause
  }

  /// `CODE: message`, e.g. `UNAVAILABLE: no worker of module diagnostics attached`.
  public var description: String {
    message.isEmpty ? code.description : "\(code): \(message)"
  }
}
