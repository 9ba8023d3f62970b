import Foundation
import ReformKit
import ReformWire

/// What a handler knows of the job it runs: who asked, which attempt this is, until when the
/// caller waits, and which worker runs it.
public struct JobContext: Sendable {
  public var jobID: Int64
  /// The full method path, e.g. `/reform.v1.Registry/ReportValues`.
  public var method: String
  /// 1 for the first run; more when the job was re-dispatched after a worker vanished.
  public var attempt: Int32
  /// The caller, as the coordinator authenticated it; nil when calls carry no identity yet.
  public var caller: Principal?
  /// The unit the caller is limited to for this method, when the access policy allows it to
  /// them only for their own unit (a clerk's grant); nil when they may act for any unit. The
  /// coordinator decides it and sends it with the job.
  public var ownUnitLimit: String?
  /// When the caller stops waiting; the worker cancels the handler then.
  public var deadline: Date?
  public var worker: WorkerIdentity
  /// The W3C trace the job runs under, as the coordinator sent it (its `parentID` is the
  /// coordinator's span). The worker runs the handler with a child of it, the job's own span, as
  /// ``TraceParent/current``, so that its calls to other modules carry the trace on.
  public var traceParent: TraceParent?
  /// Where the handler says what the job acted on (``AuditNote/record(target:unit:)``), for the
  /// coordinator's audit log.
  public let audit = AuditNote()

  /// A job's context; the worker runtime makes one per job, and tests of a module's handlers
  /// make their own.
  public init(
    jobID: Int64, method: String, attempt: Int32 = 1, caller: Principal?, ownUnitLimit: String? = nil,
    deadline: Date? = nil, worker: WorkerIdentity, traceParent: TraceParent? = nil
  ) {
    self.traceParent = traceParent
    self.ownUnitLimit = ownUnitLimit
    self.jobID = jobID
    self.method = method
    self.attempt = attempt
    self.caller = caller
    self.deadline = deadline
    self.worker = worker
  }
}

/// Which worker runs a job.
public struct WorkerIdentity: Sendable {
  public var id: String
  public var module: String
  public var pid: Int32
  public var host: String
  public var version: String

  public init(id: String, module: String, pid: Int32, host: String, version: String) {
    self.id = id
    self.module = module
    self.pid = pid
    self.host = host
    self.version = version
  }
}
