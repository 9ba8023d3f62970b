import Crypto
import Foundation
import ReformWire

/// The console's sessions, in memory: made at sign-in, looked up by the cookie's id on each
/// request, ended by sign-out, by ``SessionLimits`` or when the coordinator stops accepting
/// the token.
actor SessionStore {
  private let limits: SessionLimits
  private var sessions: [String: ConsoleSession] = [:]

  init(limits: SessionLimits) {
    self.limits = limits
  }

  /// A new session for `token`, or nil when ``SessionLimits/maximum`` sessions are live.
  func open(token: String, principal: Principal, now: Date = Date()) -> ConsoleSession? {
    sweep(now: now)
    let own = sessions.values.filter { $0.principal.id == principal.id }.sorted { $0.created < $1.created }
    for old in own.prefix(max(0, own.count - limits.perPrincipal + 1)) { sessions[old.id] = nil }
    guard sessions.count < limits.maximum else { return nil }
    let session = ConsoleSession(
      id: Self.randomToken(), token: token, principal: principal, formToken: Self.randomToken(), created: now, lastUsed: now)
    sessions[session.id] = session
    return session
  }

  /// The live session with id `id`, marked as used now; nil when there is none or it expired.
  func use(_ id: String, now: Date = Date()) -> ConsoleSession? {
    guard var session = sessions[id] else { return nil }
    guard isLive(session, now: now) else {
      sessions[id] = nil
      return nil
    }
    session.lastUsed = now
    sessions[id] = session
    return session
  }

  /// The live session with id `id`, leaving its idle time running: a page's live updates
  /// keep no session alive by themselves.
  func peek(_ id: String, now: Date = Date()) -> ConsoleSession? {
    guard let session = sessions[id], isLive(session, now: now) else { return nil }
    return session
  }

  /// Ends the session `id`, if there is one.
  func close(_ id: String) {
    sessions[id] = nil
  }

  /// How many sessions are held, expired ones included until the next sweep.
  var count: Int { sessions.count }

  private func isLive(_ session: ConsoleSession, now: Date) -> Bool {
    now.timeIntervalSince(session.lastUsed) < limits.idle.seconds && now.timeIntervalSince(session.created) < limits.absolute.seconds
  }

  private func sweep(now: Date) {
    sessions = sessions.filter { isLive($0.value, now: now) }
  }

  /// 32 random bytes from the system's generator, as unpadded base64url: a cookie value and a
  /// form field that need no escaping.
  static func randomToken() -> String {
    let key = SymmetricKey(size: .bits256)
    let bytes = key.withUnsafeBytes { Data($0) }
    return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }
}

extension Duration {
  /// The duration in seconds, as `TimeInterval`.
  var seconds: TimeInterval {
    let (seconds, attoseconds) = components
    return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
  }
}
