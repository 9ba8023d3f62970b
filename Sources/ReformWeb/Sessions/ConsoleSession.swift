import Foundation
import ReformWire

/// A signed-in console user (phiên làm việc): the Reform token they signed in with, held here
/// and never sent back to the browser, the principal the coordinator said it belongs to, and
/// the form token (CSRF) every POST of this session must carry.
///
/// The principal is shown on the pages only; what a page may show is decided by the
/// coordinator on each call made with ``token``.
public struct ConsoleSession: Sendable {
  /// The random id in the session cookie.
  public let id: String
  /// The bearer token every call of this session carries.
  let token: String
  /// Who the coordinator said the token belongs to at sign-in.
  public let principal: Principal
  /// The random token every form of this session carries, compared in constant time.
  public let formToken: String
  /// When the session was made: it ends ``SessionLimits/absolute`` after this.
  let created: Date
  /// When the session was last used: it ends ``SessionLimits/idle`` after this.
  var lastUsed: Date

  /// Whether `candidate` is this session's form token; it takes as long whatever the bytes.
  func acceptsFormToken(_ candidate: String) -> Bool {
    ConstantTime.equal(Array(candidate.utf8), Array(formToken.utf8))
  }
}
