/// What ``AccessPolicy/decide(method:principal:)`` answers for one call.
public enum AccessDecision: Sendable, Equatable {
  /// The call may go ahead. `ownUnit` is the unit the caller is confined to (a clerk's), which
  /// the module handling the call enforces; `nil` when the caller may act for any unit, or the
  /// method needs no principal.
  case allow(ownUnit: String?)
  /// No acceptable credential: `UNAUTHENTICATED`, with why.
  case unauthenticated(String)
  /// Authenticated, but no role of the principal admits the method: `PERMISSION_DENIED`, with
  /// the roles that would.
  case permissionDenied(String)

  /// Whether the call may go ahead.
  public var isAllowed: Bool {
    if case .allow = self { true } else { false }
  }
}
