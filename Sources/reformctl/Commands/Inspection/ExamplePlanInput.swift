import InspectionDomain
import ReformKit
import ReformWire

/// A made-up but realistic plan input, for `reformctl inspection example-input`: the domain's
/// own generator (`PlanInput.generated`), the one the planner's benchmarks and tests use, written
/// in the file format `inspection plan --input` reads. The same arguments give the same file,
/// so a secretary can start from it and an operator can try the planner.
///
/// What the generator makes (units, visits, teams, leave, blackouts, risks, and a monthly cap
/// raised above the default of 2 only where the teams need it) is documented there. The file
/// leaves out what is a default: the rules when the cap is the default, leave that is empty.
enum ExamplePlanInput {
  static func generate(units: Int, teams: Int, seed: UInt64, year: Int32) -> PlanInputFile {
    let input = PlanInput.generated(units: units, teams: teams, seed: seed, year: Int(year))
    let defaultCap = PlanningRules().maxVisitsPerTeamPerMonth
    return PlanInputFile(
      year: year, seed: Int64(bitPattern: input.seed),
      visitsDue: input.visitsDue.map { due in
        PlanInputFile.VisitDue(
          dueId: due.dueID, unitCode: due.unitCode, unitName: due.unitName, kind: PlanInputFile.Kind(kind(due.kind)),
          lengthDays: due.lengthDays.map(Int32.init), unitMemberCount: due.unitMemberCount.map(Int32.init),
          window: due.window.map(span), topic: due.topic)
      },
      teams: input.teams.map { team in
        PlanInputFile.Team(
          teamId: team.teamID, name: team.name,
          inspectors: team.inspectors.map { inspector in
            PlanInputFile.Inspector(
              inspectorId: inspector.inspectorID, fullName: inspector.fullName, homeUnitCode: inspector.homeUnitCode,
              unavailable: inspector.unavailable.isEmpty
                ? nil : inspector.unavailable.map { PlanInputFile.Unavailability(dates: span($0.dates), reason: $0.reason) })
          })
      },
      blackouts: input.blackouts.map {
        PlanInputFile.Blackout(dates: span($0.dates), reason: $0.reason, unitCodes: $0.unitCodes.isEmpty ? nil : $0.unitCodes)
      },
      rules: input.rules.maxVisitsPerTeamPerMonth == defaultCap
        ? nil : PlanInputFile.Rules(maxVisitsPerTeamPerMonth: Int32(input.rules.maxVisitsPerTeamPerMonth)),
      risks: input.risks.map { PlanInputFile.UnitRisk(unitCode: $0.unitCode, scoreBp: Int32($0.scoreBP)) },
      riskMode: .given)
  }

  /// The dates of `range` as the file writes them.
  private static func span(_ range: CivilDateRange) -> PlanInputFile.DateSpan {
    PlanInputFile.DateSpan(
      CalendarDate(year: Int32(range.first.year), month: Int32(range.first.month), day: Int32(range.first.day)),
      CalendarDate(year: Int32(range.last.year), month: Int32(range.last.month), day: Int32(range.last.day)))
  }

  /// The schema's kind for the domain's.
  private static func kind(_ kind: VisitKind) -> InspectionKind {
    switch kind {
    case .signsOfViolation: .signsOfViolation
    case .programmed: .programmed
    case .regularSupervision: .regularSupervision
    case .thematicSupervision: .thematicSupervision
    }
  }
}
