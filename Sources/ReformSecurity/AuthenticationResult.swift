import ReformWire

/// What ``TokenStore/authenticate(secret:now:)`` found for a presented secret.
///
/// Every case but ``ok(_:tokenId:)`` becomes `UNAUTHENTICATED`; they are told apart so that the
/// coordinator can say why (an expired token is renewed, a malformed one is a client bug) and
/// the audit log can record it. No case carries the secret.
public enum AuthenticationResult: Sendable, Equatable {
  /// Not the shape of a Reform token (`rf_` and 43 base64url characters).
  case malformed
  /// Well-formed, but no token has this secret.
  case unknown
  /// The token's expiry has passed.
  case expired(tokenId: String)
  /// The token was revoked.
  case revoked(tokenId: String)
  /// A live token naming `principal`.
  case ok(Principal, tokenId: String)

  /// The principal when authenticated, else `nil`.
  public var principal: Principal? {
    if case .ok(let principal, _) = self { principal } else { nil }
  }

  /// Why the credential was refused, for an `UNAUTHENTICATED` answer; `nil` when it was not.
  public var failureReason: String? {
    switch self {
    case .malformed: "the bearer token is malformed: a Reform token is rf_ followed by 43 base64url characters"
    case .unknown: "the bearer token is not known"
    case .expired(let id): "token \(id) has expired"
    case .revoked(let id): "token \(id) has been revoked"
    case .ok: nil
    }
  }
}
