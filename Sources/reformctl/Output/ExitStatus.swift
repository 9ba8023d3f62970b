import ArgumentParser
import ReformClient

/// The exit status of `reformctl`, by what went wrong, so that a script can tell a refused
/// request from a coordinator it could not reach.
enum ExitStatus {
  /// The request was answered, but not as the command hoped (e.g. `health` found the service
  /// not `SERVING`).
  static let negative = ExitCode(1)
  /// The request was refused as wrong: `INVALID_ARGUMENT`, `NOT_FOUND`, `ALREADY_EXISTS`,
  /// `FAILED_PRECONDITION`, `OUT_OF_RANGE`.
  static let refused = ExitCode(2)
  /// The caller may not: `UNAUTHENTICATED`, `PERMISSION_DENIED`.
  static let denied = ExitCode(3)
  /// Unreachable, busy or too slow; trying again may help: `UNAVAILABLE`, `DEADLINE_EXCEEDED`,
  /// `RESOURCE_EXHAUSTED`, `ABORTED`, `CANCELLED`.
  static let transient = ExitCode(4)
  /// The server failed: `INTERNAL`, `UNKNOWN`, `DATA_LOSS`, `UNIMPLEMENTED`.
  static let serverFault = ExitCode(5)
  /// The command line or a `--config` file is wrong (as every argument-parser tool exits).
  static let usage = ExitCode.validationFailure

  /// The exit status for a failed call.
  static func of(_ code: ReformError.Code) -> ExitCode {
    switch code {
    case .invalidArgument, .notFound, .alreadyExists, .failedPrecondition, .outOfRange: refused
    case .unauthenticated, .permissionDenied: denied
    case .unavailable, .deadlineExceeded, .resourceExhausted, .aborted, .cancelled: transient
    default: serverFault
    }
  }

  /// The table of exit statuses, for the commands' help.
  static let help = """
    Exit status: 0 success; 1 answered but negative (e.g. health not SERVING); \
    2 request refused (INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION, \
    OUT_OF_RANGE); 3 not allowed (UNAUTHENTICATED, PERMISSION_DENIED); 4 unreachable, busy or \
    too slow, worth retrying (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, \
    CANCELLED); 5 server fault (INTERNAL, UNKNOWN, DATA_LOSS, UNIMPLEMENTED); \(usage.rawValue) \
    bad command line or --config file. Errors are printed to standard error as \
    'reformctl: CODE: message'.
    """
}
