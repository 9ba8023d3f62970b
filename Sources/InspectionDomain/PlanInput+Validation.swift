import ReformKit

extension PlanInput {
  /// Checks that the input is one the planner can work on, naming the first field at fault.
  ///
  /// - Throws: ``PlanningError`` with kind ``DomainErrorKind/invalidArgument``.
  func validate(for calendar: WorkingCalendar) throws(PlanningError) {
    func fail(_ field: String, _ message: String) -> PlanningError {
      PlanningError(.invalidArgument, field: field, message)
    }
    /// Refuses an empty id, and one an earlier entry took (ids compare in NFC): `taken` says so.
    func claim(_ id: String, _ field: String, in seen: inout Set<String>, taken: String) throws(PlanningError) {
      guard !id.isEmpty else { throw fail(field, "required") }
      guard seen.insert(id.nfc).inserted else { throw fail(field, "\(id) \(taken)") }
    }
    guard year == calendar.year else {
      throw fail("year", "\(year) does not match the working-day calendar's year \(calendar.year)")
    }
    try rules.validate()

    var dueIDs = Set<String>()
    for (i, due) in visitsDue.enumerated() {
      let field = "visitsDue[\(i)]"
      try claim(due.dueID, "\(field).dueID", in: &dueIDs, taken: "is used by an earlier visit; ids must be unique")
      guard !due.unitCode.isEmpty else { throw fail("\(field).unitCode", "required") }
      if let length = due.lengthDays, length < 1 {
        throw fail("\(field).lengthDays", "must be at least 1 working day, or nil to use the length table")
      }
      if let members = due.unitMemberCount, members < 0 {
        throw fail("\(field).unitMemberCount", "must not be negative")
      }
      if rules.length(of: due) == nil {
        throw fail(
          "\(field).lengthDays",
          "no length given and no row of rules.lengths applies to \(due.kind.vietnameseName) with \(due.unitMemberCount ?? 0) members; give a length or add a row"
        )
      }
      if let window = due.window, window.first.year != year || window.last.year != year {
        throw fail("\(field).window", "\(window) is not within \(year)")
      }
    }

    var teamIDs = Set<String>()
    var inspectorIDs = Set<String>()
    for (i, team) in teams.enumerated() {
      let field = "teams[\(i)]"
      try claim(team.teamID, "\(field).teamID", in: &teamIDs, taken: "is used by an earlier team; ids must be unique")
      guard !team.inspectors.isEmpty else { throw fail("\(field).inspectors", "a team needs at least one inspector") }
      if let cap = team.maxVisitsPerMonth, cap < 1 {
        throw fail("\(field).maxVisitsPerMonth", "must be at least 1, or nil for the rules' default")
      }
      for (j, inspector) in team.inspectors.enumerated() {
        let inspectorField = "\(field).inspectors[\(j)]"
        try claim(
          inspector.inspectorID, "\(inspectorField).inspectorID", in: &inspectorIDs,
          taken: "is listed twice; an inspector belongs to one team")
        guard !inspector.homeUnitCode.isEmpty else { throw fail("\(inspectorField).homeUnitCode", "required") }
      }
    }

    var riskUnits = Set<String>()
    for (i, risk) in risks.enumerated() {
      guard (0...10_000).contains(risk.scoreBP) else {
        throw fail("risks[\(i)].scoreBP", "\(risk.scoreBP) is outside 0–10000 basis points")
      }
      guard riskUnits.insert(risk.unitCode.nfc).inserted else {
        throw fail("risks[\(i)].unitCode", "\(risk.unitCode) has an earlier risk; give one per unit")
      }
    }
  }
}

extension PlanningRules {
  /// Checks every number is in range, naming the field at fault.
  func validate() throws(PlanningError) {
    func fail(_ field: String, _ message: String) -> PlanningError {
      PlanningError(.invalidArgument, field: "rules.\(field)", message)
    }
    guard minGapWorkingDays >= 0 else { throw fail("minGapWorkingDays", "must not be negative") }
    guard maxVisitsPerTeamPerMonth >= 1 else { throw fail("maxVisitsPerTeamPerMonth", "must be at least 1") }
    guard maxLengthDays >= 1 else { throw fail("maxLengthDays", "must be at least 1") }
    guard extensionBP >= 0 else { throw fail("extensionBP", "must not be negative") }
    if let present = minInspectorsPresent, present < 1 {
      throw fail("minInspectorsPresent", "must be at least 1, or nil for every inspector of the team")
    }
    for (i, row) in lengths.enumerated() {
      guard row.lengthDays >= 1 else { throw fail("lengths[\(i)].lengthDays", "must be at least 1") }
      guard row.minMembers >= 0 else { throw fail("lengths[\(i)].minMembers", "must not be negative") }
    }
  }
}
