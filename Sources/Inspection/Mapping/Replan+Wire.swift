import InspectionDomain
import ReformModule
import ReformWire

extension ProgrammeChange {
  /// The change a request carries. A unit added is checked against the programme's `year`
  /// and `rules` here, so that errors name the request's field rather than the planner's.
  init(_ change: InspectionChange, year: Int, rules: PlanningRules, field: String) throws {
    try InspectionLimits.checkText(change.note, field: "\(field).note", limit: InspectionLimits.maxNoteLength)
    switch change.change {
    case .leave(let leave):
      try InspectionLimits.checkCode(leave.inspectorId, field: "\(field).leave.inspector_id")
      guard let period = leave.unavailable else { throw FieldError.invalid("\(field).leave.unavailable", "required") }
      self = .leave(
        inspectorID: leave.inspectorId, try Unavailability(period, field: "\(field).leave.unavailable"))
    case .unitAdded(let added):
      guard let wireDue = added.due else { throw FieldError.invalid("\(field).unit_added.due", "required") }
      let due = try VisitDue(wireDue, field: "\(field).unit_added.due")
      do {
        try due.check(year: year, rules: rules)
      } catch {
        throw error.fieldError(under: "\(field).unit_added.due")
      }
      let risk = try Self.givenRisk(of: added, due: due, field: "\(field).unit_added.risk")
      self = .unitAdded(due, risk: risk?.domain)
    case .visitCancelled(let cancelled):
      try InspectionLimits.checkCode(cancelled.visitId, field: "\(field).visit_cancelled.visit_id")
      try InspectionLimits.checkText(
        cancelled.reason, field: "\(field).visit_cancelled.reason", limit: InspectionLimits.maxNoteLength)
      self = .visitCancelled(
        visitID: cancelled.visitId, reason: cancelled.reason.isEmpty ? "cancelled" : cancelled.reason)
    case nil:
      throw FieldError.invalid(field, "one of leave, unit_added or visit_cancelled is required")
    }
  }
}

extension ProgrammeChange {
  /// The risk given with a unit added, checked, for the unit added (its `unit_code` may be left
  /// empty) and marked as given; `nil` when none is given.
  static func givenRisk(of added: InspectionUnitAdded, due: VisitDue, field: String) throws
    -> InspectionUnitRisk?
  {
    guard var risk = added.risk else { return nil }
    if risk.unitCode.isEmpty { risk.unitCode = due.unitCode }
    try risk.check(field: field)
    guard risk.unitCode == due.unitCode else {
      throw FieldError.invalid("\(field).unit_code", "\(risk.unitCode) is not the unit added, \(due.unitCode)")
    }
    risk.source = .given
    return risk
  }
}

extension VisitMove {
  /// The move on the wire.
  var wire: InspectionMove {
    InspectionMove(
      visitId: visitID, unitCode: unitCode,
      kind: {
        switch kind {
        case .moved: .moved
        case .added: .added
        case .cancelled: .cancelled
        case .unplaced: .unplaced
        }
      }(), before: before?.wire, after: after?.wire, reason: reason)
  }
}
