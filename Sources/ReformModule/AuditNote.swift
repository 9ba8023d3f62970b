import Synchronization

/// What a call acted on and for which unit, for its audit entry: a module handler writes it
/// through ``JobContext/audit``, the worker sends it with the job's result, and the
/// coordinator's ``Auditor`` reads it when it records the outcome. Empty until written.
public final class AuditNote: Sendable {
  private let state = Mutex<(target: String, unit: String)>(("", ""))

  public init() {}

  /// Records the target (a person id, a DocumentId, a unit code…) and the unit acted for or on;
  /// an empty argument leaves what was recorded before.
  public func record(target: String = "", unit: String = "") {
    state.withLock {
      if !target.isEmpty { $0.target = target }
      if !unit.isEmpty { $0.unit = unit }
    }
  }

  /// The target and unit recorded so far.
  public var value: (target: String, unit: String) {
    state.withLock { $0 }
  }
}
