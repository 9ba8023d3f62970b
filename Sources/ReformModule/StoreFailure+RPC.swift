import GRPCCore
import ReformKit

/// A store's failure as the caller sees it, the same for every module and every engine: a
/// busy store is the retryable `UNAVAILABLE`, anything else `INTERNAL` (unreadable data
/// included: the caller cannot repair it, the operator can). In every case nothing was written.
extension StoreFailure: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code {
    switch self {
    case .busy: .unavailable
    case .corrupt, .failed: .internalError
    }
  }

  public var rpcErrorMessage: String { description }
}
