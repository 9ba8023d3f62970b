/// Who may call one method, and why: an entry of ``AccessPolicy``.
public struct AccessRule: Sendable, Equatable {
  /// The kinds of caller a method admits.
  public enum Callers: Sendable, Equatable {
    /// Anybody, with no credential: health checks, which load balancers call.
    case anyone
    /// Workers only, which present the worker secret (or a client certificate), never a
    /// bearer token.
    case workers
    /// Principals with a bearer token holding one of these grants.
    case principals([RoleGrant])
  }

  /// Who may call.
  public var callers: Callers
  /// Why the rule is what it is, in a few words: read when the rule is reviewed.
  public var reason: String
  /// Whether an admitted call is written to the audit log even though it changes nothing:
  /// reads of personal data (people, ratings, documents, programmes) and their exports.
  /// Calls that may change data are audited whatever this says.
  public var auditsReads: Bool

  /// A rule admitting `callers`, for `reason`.
  public init(_ callers: Callers, reason: String, auditsReads: Bool = false) {
    self.callers = callers
    self.reason = reason
    self.auditsReads = auditsReads
  }

  /// No credential needed.
  public static func anyone(because reason: String) -> AccessRule {
    AccessRule(.anyone, reason: reason)
  }

  /// Workers only.
  public static func workers(because reason: String) -> AccessRule {
    AccessRule(.workers, reason: reason)
  }

  /// Principals holding one of `grants`.
  public static func roles(_ grants: [RoleGrant], because reason: String) -> AccessRule {
    AccessRule(.principals(grants), reason: reason)
  }

  /// Principals holding one of `grants`, for a read of personal data: every admitted call is
  /// audited, who read what.
  public static func personalRead(_ grants: [RoleGrant], because reason: String) -> AccessRule {
    AccessRule(.principals(grants), reason: reason, auditsReads: true)
  }

  /// The grants of a ``Callers/principals(_:)`` rule; empty for the others.
  public var grants: [RoleGrant] {
    if case .principals(let grants) = callers { grants } else { [] }
  }
}
