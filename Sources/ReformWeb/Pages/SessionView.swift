import ReformWire

/// What the layout shows of the signed-in user: name, unit, roles, and the form token of the
/// sign-out form.
struct SessionView: Sendable {
  let displayName: String
  let unitCode: String?
  let roles: String
  let formToken: String
  /// Whether to link the operations page; the coordinator still decides what it shows.
  let showOperations: Bool
  /// Whether to link the audit trail, which administrators and inspectors read.
  let showAudit: Bool

  init(_ session: ConsoleSession) {
    let principal = session.principal
    displayName = principal.displayName.isEmpty ? principal.id : principal.displayName
    unitCode = principal.unitCode.isEmpty ? nil : principal.unitCode
    roles = principal.roles.map(ConsoleText.role).joined(separator: ", ")
    formToken = session.formToken
    showOperations = principal.roles.contains { $0 == .admin || $0 == .operator }
    showAudit = principal.roles.contains { $0 == .admin || $0 == .inspector }
  }
}

/// The sign-in page.
struct SignInView: Sendable {
  let session: SessionView? = nil
  let formToken: String
  let next: String
  let message: String?
}

/// A refusal or a failure, in words.
struct ProblemView: Sendable {
  let session: SessionView?
  let heading: String
  let message: String
  let back: String

  init(session: ConsoleSession?, heading: String, message: String, back: String) {
    self.session = session.map(SessionView.init)
    self.heading = heading
    self.message = message
    self.back = back
  }
}
