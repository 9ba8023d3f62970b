import Foundation
import GRPCCore
import Logging
import ReformModule
import ReformSecurity
import ReformWire
import Synchronization

/// Writes the audit log: every call that may change data, every read of personal data, and
/// every call the gatekeeper refused — who, when, method, unit, outcome and the connection it
/// came from. The log itself refuses any change to an entry.
///
/// An audited call never passes unrecorded: an append that fails is tried again a few times
/// (``retryDelays``), and if it still fails the caller gets `UNAVAILABLE` saying the audit log
/// could not be written, instead of the answer. Refusals are counted per peer address,
/// principal, method and reason over ``DenialWindow`` windows and written one entry per
/// window with its count; a count that cannot be written is kept and written with the next.
///
/// ## Topics
/// - ``record(_:caller:peer:note:error:)``: an admitted call's outcome; throws when it cannot
///   be written.
/// - ``recordRefusal(_:refusal:peer:target:)``: a refused call, counted.
/// - ``flushDenials(all:)``: writes the counts of windows that have closed.
struct Auditor: Sendable {
  let log: AuditLog
  let logger: Logger
  /// Refusals counted and not yet written.
  let denials: Denials

  /// How long to wait before each new try of an append that failed: three more tries within
  /// a quarter of a second, enough for a lock held by a backup or a checkpoint to pass.
  static let retryDelays: [Duration] = [.milliseconds(20), .milliseconds(60), .milliseconds(150)]

  init(log: AuditLog, logger: Logger, denialWindow: Duration = .seconds(60)) {
    self.log = log
    self.logger = logger
    self.denials = Denials(window: DenialWindow(length: denialWindow.inSeconds))
  }

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
  ///
  /// - Throws: `UNAVAILABLE` when the entry could not be written after every retry, saying
  ///   whether the call is safe to repeat; the caller must then not be given the answer.
  func record(
    _ method: WireMethodInfo, caller: Principal?, peer: String, note: AuditNote? = nil, error: RPCError?, traceID: String = ""
  ) async throws(RPCError) {
    guard let action = Self.action(for: method) else { return }
    let (target, unit) = note?.value ?? ("", "")
    var entry = Self.entry(method, caller: caller, peer: peer, action: action, error: error, target: target, unit: unit)
    entry.requestId = traceID
    guard await append(entry) else {
      throw RPCError(code: .unavailable, message: Self.unwrittenMessage(method, action: action, outcome: error))
    }
  }

  /// Counts a call the gatekeeper refused, writing it at once when it opens a window.
  ///
  /// Never throws: the call is refused either way, and a count that cannot be written now is
  /// kept for the next flush.
  func recordRefusal(_ method: WireMethodInfo, refusal: Gatekeeper.Refusal, peer: String, target: String = "") async {
    var entry = Self.entry(
      method, caller: refusal.principal, peer: PeerAddress.key(peer), action: .denied, error: refusal.error, target: target, unit: "")
    entry.count = 1
    let now = denials.now
    let (closed, writeNow) = denials.window.withLock { $0.count(entry, reason: refusal.reason, at: now) }
    var unwritten: [DenialWindow.Counted] = []
    for item in closed where !(await append(item.entry)) {
      unwritten.append(item)
    }
    if writeNow, !(await append(entry)) {
      unwritten.append(DenialWindow.Counted(key: DenialWindow.key(of: entry, reason: refusal.reason), entry: entry))
    }
    if !unwritten.isEmpty {
      denials.window.withLock { $0.restore(unwritten, at: now) }
    }
  }

  /// Writes the counted refusals of windows that have closed (every window when `all`), one
  /// entry each; those that cannot be written are kept for the next time.
  func flushDenials(all: Bool = false) async {
    let now = denials.now
    let counted = denials.window.withLock { all ? $0.pending() : $0.due(at: now) }
    var unwritten: [DenialWindow.Counted] = []
    for item in counted where !(await append(item.entry)) {
      unwritten.append(item)
    }
    if !unwritten.isEmpty {
      denials.window.withLock { $0.restore(unwritten, at: now) }
    }
  }

  /// Appends `entry`, trying again after each of ``retryDelays``; false when every try failed.
  private func append(_ entry: AdminAuditEntry) async -> Bool {
    for delay in [nil] + Self.retryDelays.map(Optional.some) {
      if let delay { try? await Task.sleep(for: delay) }
      do {
        _ = try await log.append(entry)
        return true
      } catch {
        logger.error(
          "the audit log refused an entry", metadata: ["method": "\(entry.method)", "error": "\(error)", "retrying": "\(delay != Self.retryDelays.last)"])
      }
    }
    return false
  }

  private static func entry(
    _ method: WireMethodInfo, caller: Principal?, peer: String, action: AdminAuditAction, error: RPCError?,
    target: String, unit: String
  ) -> AdminAuditEntry {
    AdminAuditEntry(
      time: .now, principal: caller, method: method.path, unitCode: unit.isEmpty ? caller?.unitCode ?? "" : unit,
      target: target, action: action,
      statusCode: Int32(error.map { Status.Code($0.code).rawValue } ?? 0), message: error?.message ?? "", peer: peer)
  }

  /// What the caller of an audited call is told when its entry could not be written.
  private static func unwrittenMessage(_ method: WireMethodInfo, action: AdminAuditAction, outcome: RPCError?) -> String {
    let base = "the audit log could not be written, so \(method.path) is not answered"
    let had = outcome.map { " (the call itself failed: \(Status.Code($0.code)): \($0.message.prefix(200)))" } ?? ""
    switch (action, method.idempotency) {
    case (.read, _):
      return base + had + "; nothing was read out: retry later"
    case (_, .idempotent):
      return base + had + "; the change may have been made: retrying with the same idempotency key is safe, it changes nothing twice"
    default:
      return base + had + "; the change may have been made: check before retrying"
    }
  }

  /// The refusals counted and not yet written, shared by every copy of the auditor.
  final class Denials: Sendable {
    let window: Mutex<DenialWindow>
    private let epoch = ContinuousClock.now

    init(window: DenialWindow) {
      self.window = Mutex(window)
    }

    /// Seconds since the counting began: the windows' clock.
    var now: Double { (ContinuousClock.now - epoch).inSeconds }
  }
}
