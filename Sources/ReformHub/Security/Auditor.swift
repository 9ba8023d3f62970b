import GRPCCore
import Logging
import ReformModule
import ReformSecurity
import ReformWire

/// Writes the audit log: every call that may change data, every read of a document or a
/// rating, and every call the gatekeeper refused — who, when, method, unit, outcome and the
/// connection it came from. Entries are appended once the outcome is known; the log itself
/// refuses any change to them.
struct Auditor: Sendable {
  let log: AuditLog
  let logger: Logger

  /// What an admitted call of `method` is recorded as, or nil when it is not recorded: every
  /// call that may change data, and the reads the policy table marks as reads of personal data
  /// (``AccessRule/auditsReads``).
  static func action(for method: WireMethodInfo, policy: AccessPolicy = .reform) -> AdminAuditAction? {
    if method.idempotency != .noSideEffects { return .write }
    return policy.rule(for: method.path)?.auditsReads == true ? .read : nil
  }

  /// Records an admitted call's outcome, when the method is audited.
  ///
  /// `note` carries what the module said the call acted on; without one, the unit is the
  /// caller's.
  func record(_ method: WireMethodInfo, caller: Principal?, peer: String, note: AuditNote? = nil, error: RPCError?) async {
    guard let action = Self.action(for: method) else { return }
    let (target, unit) = note?.value ?? ("", "")
    await append(method, caller: caller, peer: peer, action: action, error: error, target: target, unit: unit)
  }

  /// Records a call the gatekeeper refused.
  func recordRefusal(_ method: WireMethodInfo, principal: Principal?, peer: String, error: RPCError) async {
    await append(method, caller: principal, peer: peer, action: .denied, error: error)
  }

  private func append(
    _ method: WireMethodInfo, caller: Principal?, peer: String, action: AdminAuditAction, error: RPCError?,
    target: String = "", unit: String = ""
  ) async {
    let entry = AdminAuditEntry(
      time: .now, principal: caller, method: method.path, unitCode: unit.isEmpty ? caller?.unitCode ?? "" : unit,
      target: target, action: action,
      statusCode: Int32(error.map { Status.Code($0.code).rawValue } ?? 0), message: error?.message ?? "", peer: peer)
    do {
      _ = try await log.append(entry)
    } catch {
      logger.error("the audit log refused an entry", metadata: ["method": "\(method.path)", "error": "\(error)"])
    }
  }
}
