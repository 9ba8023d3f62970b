import GRPCCore

/// What a job sends back to the call that submitted it: stream items, then one final outcome.
enum JobEvent: Sendable {
  case item([UInt8])
  case finished(JobOutcome)
}

/// How a job ended: a status and, for unary methods, the response bytes.
struct JobOutcome: Sendable {
  var code: RPCError.Code?
  var message: String
  var payload: [UInt8]
  /// What the job acted on and for which unit, as the module reported them for the audit log.
  var auditTarget = ""
  var auditUnit = ""

  static func ok(_ payload: [UInt8]) -> JobOutcome { JobOutcome(code: nil, message: "", payload: payload) }
  static func failure(_ code: RPCError.Code, _ message: String) -> JobOutcome {
    JobOutcome(code: code, message: message, payload: [])
  }

  /// Maps a gRPC status number from a worker; anything unknown becomes `.unknown`.
  init(status: Int32, message: String, payload: [UInt8]) {
    self.code = status == 0 ? nil : (RPCError.Code(Status.Code(rawValue: Int(status)) ?? .unknown) ?? .unknown)
    self.message = message
    self.payload = payload
  }

  init(code: RPCError.Code?, message: String, payload: [UInt8]) {
    self.code = code
    self.message = message
    self.payload = payload
  }
}
