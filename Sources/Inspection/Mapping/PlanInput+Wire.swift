import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension VisitKind {
  /// The kind of a visit due; `UNSPECIFIED` and unknown values are refused.
  init(_ kind: InspectionKind, field: String) throws {
    switch kind {
    case .signsOfViolation: self = .signsOfViolation
    case .programmed: self = .programmed
    case .regularSupervision: self = .regularSupervision
    case .thematicSupervision: self = .thematicSupervision
    case .unspecified:
      throw FieldError.invalid(field, "required: SIGNS_OF_VIOLATION, PROGRAMMED, REGULAR_SUPERVISION or THEMATIC_SUPERVISION")
    default: throw FieldError.invalid(field, "\(kind.rawValue) is not a kind of inspection or supervision")
    }
  }

  /// The kind on the wire.
  var wire: InspectionKind {
    switch self {
    case .signsOfViolation: .signsOfViolation
    case .programmed: .programmed
    case .regularSupervision: .regularSupervision
    case .thematicSupervision: .thematicSupervision
    }
  }
}

extension VisitDue {
  /// The visit due on the wire; 0 and empty values mean "not given", as the proto says.
  init(_ due: InspectionVisitDue, field: String) throws {
    try InspectionLimits.checkCode(due.dueId, field: "\(field).due_id")
    try InspectionLimits.checkCode(due.unitCode, field: "\(field).unit_code")
    try InspectionLimits.checkText(due.unitName, field: "\(field).unit_name", limit: InspectionLimits.maxNameLength)
    try InspectionLimits.checkText(due.teamId, field: "\(field).team_id", limit: InspectionLimits.maxCodeLength)
    try InspectionLimits.checkText(due.topic, field: "\(field).topic", limit: InspectionLimits.maxNoteLength)
    try InspectionLimits.checkRange(
      due.lengthDays, 0...InspectionLimits.maxDays, field: "\(field).length_days",
      meaning: " working days (0 takes the length from rules.lengths)")
    try InspectionLimits.checkRange(
      due.unitMemberCount, 0...InspectionLimits.maxMembers, field: "\(field).unit_member_count")
    self.init(
      dueID: due.dueId, unitCode: due.unitCode, unitName: due.unitName,
      kind: try VisitKind(due.kind, field: "\(field).kind"),
      lengthDays: due.lengthDays == 0 ? nil : Int(due.lengthDays),
      unitMemberCount: due.unitMemberCount == 0 ? nil : Int(due.unitMemberCount),
      window: try due.window.map { window in try CivilDateRange(window, field: "\(field).window") },
      teamID: due.teamId.isEmpty ? nil : due.teamId, topic: due.topic)
  }

  /// The visit due on the wire.
  var wire: InspectionVisitDue {
    InspectionVisitDue(
      dueId: dueID, unitCode: unitCode, unitName: unitName, kind: kind.wire,
      lengthDays: Int32(clamping: lengthDays ?? 0), unitMemberCount: Int32(clamping: unitMemberCount ?? 0),
      window: window?.wire, teamId: teamID ?? "", topic: topic)
  }
}

extension Unavailability {
  /// A period of leave on the wire.
  init(_ period: InspectionUnavailability, field: String) throws {
    try InspectionLimits.checkText(period.reason, field: "\(field).reason", limit: InspectionLimits.maxNoteLength)
    self.init(dates: try CivilDateRange(required: period.dates, field: "\(field).dates"), reason: period.reason)
  }

  /// The period on the wire.
  var wire: InspectionUnavailability { InspectionUnavailability(dates: dates.wire, reason: reason) }
}

extension Inspector {
  /// An inspector on the wire.
  init(_ inspector: InspectionInspector, field: String) throws {
    try InspectionLimits.checkCode(inspector.inspectorId, field: "\(field).inspector_id")
    try InspectionLimits.checkText(
      inspector.fullName, field: "\(field).full_name", limit: InspectionLimits.maxNameLength)
    try InspectionLimits.checkCode(inspector.homeUnitCode, field: "\(field).home_unit_code")
    try InspectionLimits.checkCount(
      inspector.conflictUnitCodes.count, field: "\(field).conflict_unit_codes", limit: InspectionLimits.maxEntries)
    for (i, code) in inspector.conflictUnitCodes.enumerated() {
      try InspectionLimits.checkCode(code, field: "\(field).conflict_unit_codes[\(i)]")
    }
    try InspectionLimits.checkCount(
      inspector.unavailable.count, field: "\(field).unavailable", limit: InspectionLimits.maxEntries)
    let unavailable = try inspector.unavailable.mapEntries(field: "\(field).unavailable", Unavailability.init)
    self.init(
      inspectorID: inspector.inspectorId, fullName: inspector.fullName, homeUnitCode: inspector.homeUnitCode,
      conflictUnitCodes: inspector.conflictUnitCodes, unavailable: unavailable)
  }

  /// The inspector on the wire.
  var wire: InspectionInspector {
    InspectionInspector(
      inspectorId: inspectorID, fullName: fullName, homeUnitCode: homeUnitCode, conflictUnitCodes: conflictUnitCodes,
      unavailable: unavailable.map(\.wire))
  }
}

extension Team {
  /// A team on the wire; `max_visits_per_month` 0 takes the rules' default.
  init(_ team: InspectionTeam, field: String) throws {
    try InspectionLimits.checkCode(team.teamId, field: "\(field).team_id")
    try InspectionLimits.checkText(team.name, field: "\(field).name", limit: InspectionLimits.maxNameLength)
    try InspectionLimits.checkRange(
      team.maxVisitsPerMonth, 0...InspectionLimits.maxVisitsPerMonth, field: "\(field).max_visits_per_month",
      meaning: " (0 for the rules' default)")
    try InspectionLimits.checkCount(
      team.inspectors.count, field: "\(field).inspectors", limit: InspectionLimits.maxInspectorsPerTeam)
    let inspectors = try team.inspectors.mapEntries(field: "\(field).inspectors", Inspector.init)
    self.init(
      teamID: team.teamId, name: team.name, inspectors: inspectors,
      maxVisitsPerMonth: team.maxVisitsPerMonth == 0 ? nil : Int(team.maxVisitsPerMonth))
  }

  /// The team on the wire.
  var wire: InspectionTeam {
    InspectionTeam(
      teamId: teamID, name: name, inspectors: inspectors.map(\.wire),
      maxVisitsPerMonth: Int32(clamping: maxVisitsPerMonth ?? 0))
  }
}

extension Blackout {
  /// A blackout period on the wire.
  init(_ blackout: InspectionBlackout, field: String) throws {
    try InspectionLimits.checkText(blackout.reason, field: "\(field).reason", limit: InspectionLimits.maxNoteLength)
    try InspectionLimits.checkCount(
      blackout.unitCodes.count, field: "\(field).unit_codes", limit: InspectionLimits.maxVisitsDue)
    for (i, code) in blackout.unitCodes.enumerated() {
      try InspectionLimits.checkCode(code, field: "\(field).unit_codes[\(i)]")
    }
    self.init(
      dates: try CivilDateRange(required: blackout.dates, field: "\(field).dates"), reason: blackout.reason,
      unitCodes: blackout.unitCodes)
  }

  /// The blackout on the wire.
  var wire: InspectionBlackout { InspectionBlackout(dates: dates.wire, reason: reason, unitCodes: unitCodes) }
}

extension PlanningRules {
  /// The rules on the wire, each 0 taking the default its proto comment gives; no rules at all
  /// take every default.
  init(_ rules: InspectionRules?, field: String) throws {
    guard let rules else {
      self.init()
      return
    }
    let defaults = PlanningRules()
    try InspectionLimits.checkRange(
      rules.minGapWorkingDays, 0...InspectionLimits.maxDays, field: "\(field).min_gap_working_days",
      meaning: " working days (0 for the default \(defaults.minGapWorkingDays))")
    try InspectionLimits.checkRange(
      rules.maxVisitsPerTeamPerMonth, 0...InspectionLimits.maxVisitsPerMonth,
      field: "\(field).max_visits_per_team_per_month",
      meaning: " (0 for the default \(defaults.maxVisitsPerTeamPerMonth))")
    try InspectionLimits.checkRange(
      rules.maxLengthDays, 0...InspectionLimits.maxDays, field: "\(field).max_length_days",
      meaning: " working days (0 for the default \(defaults.maxLengthDays))")
    try InspectionLimits.checkRange(
      rules.extensionBp, 0...10_000, field: "\(field).extension_bp",
      meaning: " basis points (0 for the default \(defaults.extensionBP))")
    try InspectionLimits.checkRange(
      rules.minInspectorsPresent, 0...Int32(InspectionLimits.maxInspectorsPerTeam),
      field: "\(field).min_inspectors_present",
      meaning: " (0 for every inspector of the team)")
    try InspectionLimits.checkCount(rules.lengths.count, field: "\(field).lengths", limit: InspectionLimits.maxEntries)
    var lengths: [LengthRule] = []
    for (i, row) in rules.lengths.enumerated() {
      let rowField = "\(field).lengths[\(i)]"
      try InspectionLimits.checkRange(row.minMembers, 0...InspectionLimits.maxMembers, field: "\(rowField).min_members")
      try InspectionLimits.checkRange(
        row.lengthDays, 1...InspectionLimits.maxDays, field: "\(rowField).length_days", meaning: " working days")
      lengths.append(
        LengthRule(
          kind: try VisitKind(row.kind, field: "\(rowField).kind"), minMembers: Int(row.minMembers),
          lengthDays: Int(row.lengthDays)))
    }
    try InspectionLimits.checkCount(rules.sources.count, field: "\(field).sources", limit: InspectionLimits.maxSources)
    let sources = try rules.sources.mapEntries(field: "\(field).sources", ReformKit.SourceRef.init)
    func orDefault(_ value: Int32, _ fallback: Int) -> Int { value == 0 ? fallback : Int(value) }
    self.init(
      minGapWorkingDays: orDefault(rules.minGapWorkingDays, defaults.minGapWorkingDays),
      maxVisitsPerTeamPerMonth: orDefault(rules.maxVisitsPerTeamPerMonth, defaults.maxVisitsPerTeamPerMonth),
      maxLengthDays: orDefault(rules.maxLengthDays, defaults.maxLengthDays),
      extensionBP: orDefault(rules.extensionBp, defaults.extensionBP), lengths: lengths,
      minInspectorsPresent: rules.minInspectorsPresent == 0 ? nil : Int(rules.minInspectorsPresent),
      sources: sources.isEmpty ? PlanningRules.defaultSources : sources)
  }

  /// The rules on the wire, every default written out, so that a stored programme keeps the
  /// values it was planned with even if a later version changes a default.
  func wire(riskWeights: InspectionRiskWeights?) -> InspectionRules {
    InspectionRules(
      minGapWorkingDays: Int32(clamping: minGapWorkingDays),
      maxVisitsPerTeamPerMonth: Int32(clamping: maxVisitsPerTeamPerMonth),
      maxLengthDays: Int32(clamping: maxLengthDays), extensionBp: Int32(clamping: extensionBP),
      lengths: lengths.map {
        InspectionLengthRule(
          kind: $0.kind.wire, minMembers: Int32(clamping: $0.minMembers), lengthDays: Int32(clamping: $0.lengthDays))
      },
      minInspectorsPresent: Int32(clamping: minInspectorsPresent ?? 0), riskWeights: riskWeights,
      sources: sources.map(\.wire))
  }
}

extension InspectionUnitRisk {
  /// Checks a risk given on the wire, naming the field at fault.
  func check(field: String) throws {
    try InspectionLimits.checkCode(unitCode, field: "\(field).unit_code")
    try InspectionLimits.checkRange(scoreBp, 0...10_000, field: "\(field).score_bp", meaning: " basis points")
    try InspectionLimits.checkCount(
      components.count, field: "\(field).components", limit: InspectionLimits.maxRiskComponents)
    for (i, component) in components.enumerated() {
      let componentField = "\(field).components[\(i)]"
      try InspectionLimits.checkRange(component.valueBp, 0...10_000, field: "\(componentField).value_bp")
      try InspectionLimits.checkRange(component.weightBp, 0...10_000, field: "\(componentField).weight_bp")
      try InspectionLimits.checkRange(component.contributionBp, 0...10_000, field: "\(componentField).contribution_bp")
      try InspectionLimits.checkText(
        component.name, field: "\(componentField).name", limit: InspectionLimits.maxNameLength)
      try InspectionLimits.checkText(
        component.detail, field: "\(componentField).detail", limit: InspectionLimits.maxNoteLength)
    }
    if let lastVisit { _ = try CivilDate(lastVisit, field: "\(field).last_visit") }
  }

  /// The risk as the planner uses it.
  var domain: UnitRisk { UnitRisk(unitCode: unitCode, scoreBP: Int(scoreBp)) }
}

extension PlanInput {
  /// Everything in `input` but the risks, which depend on its `risk_mode` and are resolved
  /// apart (``InspectionHandlers/risksUsed(given:mode:unitCodes:weights:asOf:field:)``); each field checked with its path
  /// under `field`.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming the field, or `RESOURCE_EXHAUSTED` for a repeated
  ///   field longer than ``InspectionLimits`` allows.
  init(_ input: InspectionPlanInput, field: String) throws {
    try InspectionLimits.checkYear(input.year, field: "\(field).year")
    try InspectionLimits.checkCount(
      input.visitsDue.count, field: "\(field).visits_due", limit: InspectionLimits.maxVisitsDue)
    try InspectionLimits.checkCount(input.teams.count, field: "\(field).teams", limit: InspectionLimits.maxTeams)
    try InspectionLimits.checkCount(
      input.blackouts.count, field: "\(field).blackouts", limit: InspectionLimits.maxEntries)
    try InspectionLimits.checkCount(input.risks.count, field: "\(field).risks", limit: InspectionLimits.maxRisks)
    let visits = try input.visitsDue.mapEntries(field: "\(field).visits_due", VisitDue.init)
    let teams = try input.teams.mapEntries(field: "\(field).teams", Team.init)
    let blackouts = try input.blackouts.mapEntries(field: "\(field).blackouts", Blackout.init)
    self.init(
      year: Int(input.year), visitsDue: visits, teams: teams, blackouts: blackouts,
      rules: try PlanningRules(input.rules, field: "\(field).rules"), risks: [],
      seed: UInt64(bitPattern: input.seed))
  }

  /// The input on the wire, with the risks, risk mode and risk weights the planner's own
  /// input does not hold.
  func wire(risks: [InspectionUnitRisk], riskMode: InspectionRiskMode, riskWeights: InspectionRiskWeights?)
    -> InspectionPlanInput
  {
    InspectionPlanInput(
      year: Int32(clamping: year), visitsDue: visitsDue.map(\.wire), teams: teams.map(\.wire),
      blackouts: blackouts.map(\.wire), rules: rules.wire(riskWeights: riskWeights), risks: risks,
      riskMode: riskMode, seed: Int64(bitPattern: seed))
  }
}

extension PlanInput {
  /// The input as a client sends it when it gives every unit's risk itself (risk mode GIVEN):
  /// what `reform-bench` plans with.
  public var wireWithGivenRisks: InspectionPlanInput {
    wire(
      risks: risks.map { InspectionUnitRisk(unitCode: $0.unitCode, scoreBp: Int32(clamping: $0.scoreBP), source: .given) },
      riskMode: .given, riskWeights: nil)
  }
}
