import Foundation
import ReformWire

/// What a handler knows of the job it runs: who asked, which attempt this is, until when the
/// caller waits, and which worker runs it.
public struct JobContext: Sendable {
  public var jobID: Int64
  /// 1 for the first run; more when the job was re-dispatched after a worker vanished.
  public var attempt: Int32
  /// The caller, as the coordinator authenticated it; nil when calls carry no identity yet.
  public var caller: Principal?
  /// When the caller stops waiting; the worker cancels the handler then.
  public var deadline: Date?
  public var worker: WorkerIdentity
}

/// Which worker runs a job.
public struct WorkerIdentity: Sendable {
  public var id: String
  public var module: String
  public var pid: Int32
  public var host: String
  public var version: String
}
