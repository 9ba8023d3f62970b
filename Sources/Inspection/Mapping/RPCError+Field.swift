import GRPCCore

extension RPCError {
  /// `INVALID_ARGUMENT` naming the request field at fault, e.g.
  /// `input.visits_due[3].window.first: 2026-02-30 is not a date`.
  static func invalid(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .invalidArgument, message: "\(field): \(problem)")
  }

  /// `RESOURCE_EXHAUSTED` for a field holding more than the service accepts.
  static func tooMany(_ field: String, count: Int, limit: Int) -> RPCError {
    RPCError(
      code: .resourceExhausted,
      message: "\(field): \(count) entries is more than the \(limit) this service accepts in one request")
  }

  /// `NOT_FOUND` naming the field that named the missing thing.
  static func notFound(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .notFound, message: "\(field): \(problem)")
  }

  /// `FAILED_PRECONDITION` naming the field whose value the current state does not allow.
  static func failedPrecondition(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .failedPrecondition, message: "\(field): \(problem)")
  }
}
