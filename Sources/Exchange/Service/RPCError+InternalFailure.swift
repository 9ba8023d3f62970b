import GRPCCore
import ReformKit
import ReformModule

extension RPCError {
  /// A failure of the exchange's store or file system while doing `what`: nothing the caller can
  /// fix, so the message says what failed without the caller's data. A store busy past its
  /// timeout is the exception: UNAVAILABLE, as in every module, since the same call may simply
  /// be retried.
  static func internalFailure(_ what: String, _ error: any Error) -> RPCError {
    if let failure = error as? StoreFailure, case .busy = failure { return RPCError(failure) }
    return RPCError(code: .internalError, message: "\(what) failed: \(error)")
  }
}
