import GRPCCore

extension ReformError {
  /// The ``ReformError`` for any error a call can end with.
  ///
  /// - An `RPCError` keeps its code and message: the server's status, or the status gRPC gave a
  ///   failure of its own (a refused connection is `UNAVAILABLE`, a passed deadline
  ///   `DEADLINE_EXCEEDED`).
  /// - A `RuntimeError` of gRPC (a transport that failed, a client already stopped) is
  ///   ``Code-swift.struct/unavailable``: the server could not be used, whatever the reason.
  /// - An error that converts itself to an `RPCError` (such as `WireError`) takes the code it
  ///   converts to.
  /// - Task cancellation is ``Code-swift.struct/cancelled``.
  /// - A ``ReformError`` is returned unchanged; anything else is
  ///   ``Code-swift.struct/unknown``.
  ///
  /// The original error is kept as ``cause``.
  public init(_ error: any Error) {
    switch error {
    case let error as ReformError:
      self = error
    case let error as RPCError:
      self.init(code: Code(error.code), message: error.message, cause: error)
    case let error as RuntimeError:
      self.init(code: .unavailable, message: error.message, cause: error)
    case let convertible as any RPCErrorConvertible:
      self.init(code: Code(convertible.rpcErrorCode), message: convertible.rpcErrorMessage, cause: error)
    case is CancellationError:
      self.init(code: .cancelled, message: "the call was cancelled", cause: error)
    default:
      self.init(code: .unknown, message: String(describing: error), cause: error)
    }
  }
}

/// A ``ReformError`` thrown inside a gRPC service handler becomes the handler's status as is,
/// so a module that calls another through ``ReformClient`` passes that module's status on.
extension ReformError: RPCErrorConvertible {
  /// The gRPC code of ``code``.
  public var rpcErrorCode: RPCError.Code { RPCError.Code(code) }
  /// ``message``.
  public var rpcErrorMessage: String { message }
}
