import ReformWire

/// What the `inspection` commands print of a programme: its heading, the visits in date
/// order, the visits that could not be placed with the rule that blocks each, and the
/// objective (placed, risk delay against its lower bound, balance between teams) — as tables,
/// or every due visit as one CSV.
struct ProgrammeReport {
  var programme: InspectionProgramme

  /// `KTGS-2026-0001 v2 "Chương trình kiểm tra, giám sát năm 2026": owner DUK, year 2026,
  /// created 2026-01-05 09:12:03 +07:00 by ktv-01`; a dry run, which has no id, is `(not
  /// stored)`.
  var heading: String {
    let id = programme.programmeId.isEmpty ? "(not stored)" : "\(programme.programmeId) v\(programme.version)"
    return "\(id) \"\(programme.name)\": owner \(Format.orDash(programme.ownerUnitCode)), year \(programme.year), "
      + "created \(Format.wallClock(programme.createdAt)) by \(Format.orDash(programme.createdBy))"
  }

  /// The heading, the visits, the unplaced visits and the objective.
  func table() -> String {
    var sections = [heading]
    if programme.visits.isEmpty {
      sections.append("no visits placed")
    } else {
      var table = TextTable([
        .text("VISIT"), .text("UNIT"), .text("UNIT NAME"), .text("KIND"), .text("TEAM"), .text("FIRST DAY"),
        .text("LAST DAY"), .number("DAYS"), .number("RISK BP"),
      ])
      for visit in programme.visits {
        table.append([
          visit.visitId, visit.unitCode, Format.orDash(visit.unitName), InspectionText.kind(visit.kind), visit.teamId,
          InspectionText.date(visit.firstDay), InspectionText.date(visit.lastDay), String(visit.workingDays),
          String(visit.riskBp),
        ])
      }
      sections.append(table.render())
    }
    if !programme.unplaced.isEmpty {
      var table = TextTable([.text("UNPLACED"), .text("UNIT"), .text("KIND"), .text("BLOCKED BY"), .text("WHY")])
      for unplaced in programme.unplaced {
        table.append([
          unplaced.due?.dueId ?? "-", unplaced.due?.unitCode ?? "-",
          InspectionText.kind(unplaced.due?.kind ?? .unspecified),
          InspectionText.constraint(unplaced.blockingRule), Format.orDash(unplaced.explanation),
        ])
      }
      sections.append(table.render())
    }
    sections.append(objective())
    return sections.joined(separator: "\n\n")
  }

  /// The objective in a line, then each team's load.
  func objective() -> String {
    guard let objective = programme.objective else { return "no objective reported" }
    var line = "placed \(objective.placed) of \(objective.placed + objective.unplaced) visits due"
    line += "; risk delay \(objective.riskDelay)"
    if objective.riskDelayLowerBound > 0 {
      line += " (lower bound \(objective.riskDelayLowerBound), gap \(Self.gap(objective)))"
    }
    line += "; load spread \(objective.loadSpread) working days"
    guard !objective.teamLoads.isEmpty else { return line }
    var table = TextTable([.text("TEAM"), .number("VISITS"), .number("WORKING DAYS")])
    for load in objective.teamLoads { table.append([load.teamId, String(load.visits), String(load.workingDays)]) }
    return line + "\n" + table.render()
  }

  /// How far the risk delay may be above the best possible, as a share of it:
  /// (risk delay − lower bound) / risk delay, e.g. `3.2%`.
  static func gap(_ objective: InspectionObjective) -> String {
    guard objective.riskDelay > 0 else { return "0.0%" }
    let gap = Double(objective.riskDelay - objective.riskDelayLowerBound) / Double(objective.riskDelay)
    return String(format: "%.1f%%", gap * 100)
  }

  /// The columns of ``csv()``.
  static let csvHeader = [
    "status", "visit_id", "due_id", "unit_code", "unit_name", "kind", "team_id", "first_day", "last_day",
    "working_days", "risk_bp", "topic", "blocked_by", "why",
  ]

  /// Every due visit as CSV: the placed ones in date order, then the unplaced ones with the
  /// rule that blocks each.
  func csv() -> String {
    let placed = programme.visits.map { visit in
      [
        "placed", visit.visitId, visit.dueId, visit.unitCode, visit.unitName, InspectionText.kind(visit.kind),
        visit.teamId, InspectionText.date(visit.firstDay), InspectionText.date(visit.lastDay),
        String(visit.workingDays), String(visit.riskBp), visit.topic, "", "",
      ]
    }
    let unplaced = programme.unplaced.map { unplaced in
      let due = unplaced.due ?? InspectionVisitDue()
      return [
        "unplaced", "", due.dueId, due.unitCode, due.unitName, InspectionText.kind(due.kind), due.teamId, "", "",
        due.lengthDays == 0 ? "" : String(due.lengthDays), "", due.topic,
        InspectionText.constraint(unplaced.blockingRule),
        unplaced.explanation,
      ]
    }
    return CSVText.file(header: Self.csvHeader, rows: placed + unplaced)
  }

  /// The moves of a replan as a table, e.g. `moved  DBCS-03-1  DBCS-03  T1 2027-03-01..2027-03-05
  /// T2 2027-03-08..2027-03-12  inspector KTV-02 on leave …`.
  static func moves(_ moves: [InspectionMove]) -> String {
    var table = TextTable([
      .text("CHANGE"), .text("VISIT"), .text("UNIT"), .text("BEFORE"), .text("AFTER"), .text("WHY"),
    ])
    for move in moves {
      table.append([
        InspectionText.move(move.kind), move.visitId, move.unitCode, placement(move.before), placement(move.after),
        Format.orDash(move.reason),
      ])
    }
    return table.render()
  }

  /// `T1 2027-03-01..2027-03-05`, the team and days of a visit; `-` for none.
  static func placement(_ visit: InspectionVisit?) -> String {
    guard let visit else { return "-" }
    return "\(visit.teamId) \(InspectionText.date(visit.firstDay))..\(InspectionText.date(visit.lastDay))"
  }
}
