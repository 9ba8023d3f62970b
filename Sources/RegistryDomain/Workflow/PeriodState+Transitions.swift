import ReformKit

extension PeriodState {
  /// The unit sends its values (DRAFT or REOPENED → SUBMITTED). Taken by a clerk acting for
  /// the unit (their own unit or one above it), or by an administrator or operator.
  ///
  /// - Throws: ``PeriodWorkflowError``: `permissionDenied` for anyone else,
  ///   `failedPrecondition` naming the current status from SUBMITTED or APPROVED.
  public mutating func submit(stamp: ChangeStamp, tree: UnitTree) throws(PeriodWorkflowError) {
    let actor = stamp.actor
    guard actor.isBlocWideOperator || (actor.roles.contains(.clerk) && tree.actor(actor, actsFor: key.unitCode)) else {
      throw refusal(.permissionDenied, "unit_code", "\(name(actor)) does not act for unit \"\(key.unitCode)\"; its clerk submits")
    }
    guard status.acceptsValues else {
      throw refusal(.failedPrecondition, "status", "\(key) is \(status.rawValue); only a DRAFT or REOPENED period can be submitted")
    }
    move(to: .submitted, stamp: stamp)
  }

  /// The bloc approves submitted values (SUBMITTED → APPROVED), which locks them. Taken by the
  /// bloc: an administrator or operator, or a clerk of the bloc committee.
  ///
  /// - Throws: ``PeriodWorkflowError``: `permissionDenied` for anyone else,
  ///   `failedPrecondition` naming the current status unless SUBMITTED.
  public mutating func approve(stamp: ChangeStamp, tree: UnitTree) throws(PeriodWorkflowError) {
    guard PeriodState.actsForBloc(stamp.actor, tree: tree) else {
      throw refusal(.permissionDenied, "unit_code", "\(name(stamp.actor)) does not act for the bloc; the bloc approves")
    }
    guard status == .submitted else {
      throw refusal(.failedPrecondition, "status", "\(key) is \(status.rawValue); only a SUBMITTED period can be approved")
    }
    move(to: .approved, stamp: stamp)
  }

  /// The bloc reopens a submitted or approved period for correction (→ REOPENED), with a
  /// reason that the transitions keep.
  ///
  /// - Throws: ``PeriodWorkflowError``: `invalidArgument` on `reason` when it is empty,
  ///   `permissionDenied` for anyone but the bloc, `failedPrecondition` naming the current
  ///   status from DRAFT or REOPENED.
  public mutating func reopen(stamp: ChangeStamp, tree: UnitTree) throws(PeriodWorkflowError) {
    guard !stamp.reason.normalizedText.isEmpty else {
      throw refusal(.invalidArgument, "reason", "is required: why the values must change")
    }
    guard PeriodState.actsForBloc(stamp.actor, tree: tree) else {
      throw refusal(.permissionDenied, "unit_code", "\(name(stamp.actor)) does not act for the bloc; the bloc reopens")
    }
    guard status == .submitted || status == .approved else {
      throw refusal(.failedPrecondition, "status", "\(key) is \(status.rawValue); only a SUBMITTED or APPROVED period can be reopened")
    }
    move(to: .reopened, stamp: stamp)
  }

  /// Refuses unless values may change (DRAFT or REOPENED).
  ///
  /// - Throws: ``PeriodWorkflowError`` with `failedPrecondition`, naming the current status.
  public func ensureAcceptsValues() throws(PeriodWorkflowError) {
    guard status.acceptsValues else {
      let remedy = status == .approved ? "approved values are locked; the bloc must reopen the period" : "the bloc must reopen it"
      throw refusal(.failedPrecondition, "status", "\(key) is \(status.rawValue); \(remedy)")
    }
  }

  /// Whether `actor` acts for the bloc as a whole: an administrator or operator, a principal
  /// with no unit, or a clerk of the bloc committee.
  static func actsForBloc(_ actor: ActorRef, tree: UnitTree) -> Bool {
    if actor.isBlocWideOperator { return true }
    guard actor.roles.contains(.clerk) else { return false }
    return actor.unitCode == nil || actor.unitCode == tree.rootCode
  }

  private mutating func move(to next: PeriodStatus, stamp: ChangeStamp) {
    transitions.append(PeriodTransition(from: status, to: next, actor: stamp.actor, at: stamp.at, reason: stamp.reason.normalizedText))
    status = next
  }

  private func refusal(_ kind: DomainErrorKind, _ field: String, _ message: String) -> PeriodWorkflowError {
    PeriodWorkflowError(kind: kind, field: field, message: message, currentStatus: status)
  }

  private func name(_ actor: ActorRef) -> String {
    actor.displayName.isEmpty ? "\"\(actor.id)\"" : "\(actor.displayName) (\(actor.id))"
  }
}
