import ExchangeDomain
import GRPCCore
import ReformKit
import ReformModule

/// The statuses the exchange answers with, each naming the request field at fault as its
/// protocol path (`metadata.issued_date`, `receivers[2].organ_id`), so a caller knows what to fix.
enum ExchangeFault {
  static func invalid(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .invalidArgument, message: "\(field): \(problem)")
  }

  static func notFound(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .notFound, message: "\(field): \(problem)")
  }

  static func failedPrecondition(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .failedPrecondition, message: "\(field): \(problem)")
  }

  static func permissionDenied(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .permissionDenied, message: "\(field): \(problem)")
  }

  static func tooLarge(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .resourceExhausted, message: "\(field): \(problem)")
  }

  /// A failure of the store or the file system: nothing the caller can fix, so the message
  /// says what failed without the caller's data. A store busy past its timeout is the
  /// exception: UNAVAILABLE, as in every module, since the same call may simply be retried.
  static func internalFailure(_ what: String, _ error: any Error) -> RPCError {
    if let failure = error as? StoreFailure, case .busy = failure { return RPCError(failure) }
    return RPCError(code: .internalError, message: "\(what) failed: \(error)")
  }

  /// A domain failure as a status, its field rewritten by `path` into the request's terms.
  static func from(_ failure: some DomainFailure, path: (String) -> String = FieldPath.snakeCased) -> RPCError {
    RPCError(code: FieldError.code(of: failure.kind), message: "\(path(failure.field)): \(failure.message)")
  }
}
