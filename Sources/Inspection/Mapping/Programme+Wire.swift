import GRPCCore
import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension BlockingRule {
  /// The rule on the wire.
  var wire: InspectionConstraint {
    switch self {
    case .window: .window
    case .teamBusy: .teamBusy
    case .ownUnit: .ownUnit
    case .leave: .leave
    case .blackout: .blackout
    case .minGap: .minGap
    case .monthlyCap: .monthlyCap
    case .lengthLimit: .lengthLimit
    case .noTeam: .noTeam
    case .noPlaceFound: .noPlaceFound
    }
  }

  /// The rule a stored constraint names.
  init(_ constraint: InspectionConstraint, field: String) throws {
    guard let rule = BlockingRule.allCases.first(where: { $0.wire == constraint }) else {
      throw FieldError.invalid(field, "\(constraint) is not a blocking rule")
    }
    self = rule
  }
}

extension Visit {
  /// The visit on the wire.
  var wire: InspectionVisit {
    InspectionVisit(
      visitId: visitID, dueId: dueID, unitCode: unitCode, unitName: unitName, teamId: teamID, kind: kind.wire,
      firstDay: firstDay.wire, lastDay: lastDay.wire, workingDays: Int32(clamping: workingDays),
      riskBp: Int32(clamping: riskBP), topic: topic)
  }

  /// A visit as a stored programme holds it.
  init(_ visit: InspectionVisit, field: String) throws {
    self.init(
      visitID: visit.visitId, dueID: visit.dueId, unitCode: visit.unitCode, unitName: visit.unitName,
      teamID: visit.teamId, kind: try VisitKind(visit.kind, field: "\(field).kind"),
      firstDay: try CivilDate(required: visit.firstDay, field: "\(field).first_day"),
      lastDay: try CivilDate(required: visit.lastDay, field: "\(field).last_day"),
      workingDays: Int(visit.workingDays), riskBP: Int(visit.riskBp), topic: visit.topic)
  }
}

extension UnplacedVisit {
  /// The unplaced visit on the wire.
  var wire: InspectionUnplacedVisit {
    InspectionUnplacedVisit(due: due.wire, blockingRule: blockingRule.wire, explanation: explanation)
  }

  /// An unplaced visit as a stored programme holds it.
  init(_ unplaced: InspectionUnplacedVisit, field: String) throws {
    guard let due = unplaced.due else { throw FieldError.invalid("\(field).due", "required") }
    self.init(
      due: try VisitDue(due, field: "\(field).due"),
      blockingRule: try BlockingRule(unplaced.blockingRule, field: "\(field).blocking_rule"),
      explanation: unplaced.explanation)
  }
}

extension Objective {
  /// The objective on the wire.
  var wire: InspectionObjective {
    InspectionObjective(
      placed: Int32(clamping: placed), unplaced: Int32(clamping: unplaced), riskDelay: Int64(riskDelay),
      loadSpread: Int32(clamping: loadSpread),
      teamLoads: teamLoads.map {
        InspectionTeamLoad(
          teamId: $0.teamID, visits: Int32(clamping: $0.visits), workingDays: Int32(clamping: $0.workingDays))
      },
      riskDelayLowerBound: Int64(riskDelayLowerBound))
  }

  /// An objective as a stored programme holds it.
  init(_ objective: InspectionObjective) {
    self.init(
      placed: Int(objective.placed), unplaced: Int(objective.unplaced), riskDelay: Int(objective.riskDelay),
      loadSpread: Int(objective.loadSpread),
      teamLoads: objective.teamLoads.map {
        TeamLoad(teamID: $0.teamId, visits: Int($0.visits), workingDays: Int($0.workingDays))
      },
      riskDelayLowerBound: Int(objective.riskDelayLowerBound))
  }
}

extension Programme {
  /// The programme a stored version holds, with its input, as a replan or an export needs it.
  init(_ programme: InspectionProgramme) throws {
    guard let storedInput = programme.input else {
      throw RPCError(
        code: .dataLoss,
        message: "programme \(programme.programmeId) v\(programme.version) was stored without its input")
    }
    var input = try PlanInput(storedInput, field: "programme.input")
    input.risks = storedInput.risks.map(\.domain)
    let visits = try programme.visits.mapEntries(field: "programme.visits", Visit.init)
    let unplaced = try programme.unplaced.mapEntries(field: "programme.unplaced", UnplacedVisit.init)
    self.init(
      year: Int(programme.year), visits: visits, unplaced: unplaced,
      objective: Objective(programme.objective ?? InspectionObjective()), input: input)
  }

  /// The programme on the wire: the planner's part of it, the rest (id, version, name, owner,
  /// creation) being the store's; `input` is the input on the wire, risks included.
  func wire(input: InspectionPlanInput) -> InspectionProgramme {
    InspectionProgramme(
      year: Int32(clamping: year), visits: visits.map(\.wire), unplaced: unplaced.map(\.wire),
      objective: objective.wire, input: input)
  }
}
