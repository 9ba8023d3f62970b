import InspectionDomain
import Testing

@Suite("Replanning after a change")
struct ReplanTests {
  private let input = PlanInput.generated(units: 60, teams: 6, seed: 5)

  @Test func afterAnInspectorsLeaveOnlyTheirTeamsVisitsOnTheLeaveDaysMove() throws {
    let calendar = try calendar2026()
    let before = try Planner().plan(input, calendar: calendar)
    // The busiest team; leave from its second visit's first day to its fourth visit's last.
    let busiest = try #require(before.objective.teamLoads.max { $0.visits < $1.visits })
    let own = before.visits.filter { $0.teamID == busiest.teamID }
    try #require(own.count >= 4)
    let leave = span(own[1].firstDay, own[3].lastDay)
    let hit = own.filter { $0.firstDay <= leave.last && $0.lastDay >= leave.first }
    let member = try #require(input.teams.first { $0.teamID == busiest.teamID }?.inspectors.first)

    let report = try Planner().replan(
      before, changes: [.leave(inspectorID: member.inspectorID, Unavailability(dates: leave, reason: "ốm"))],
      calendar: calendar)

    #expect(report.moves.count == hit.count)
    #expect(Set(report.moves.map(\.visitID)) == Set(hit.map(\.visitID)))
    #expect(
      report.moves.allSatisfy { $0.before?.teamID == busiest.teamID && ($0.kind == .moved || $0.kind == .unplaced) })
    #expect(report.unchanged == before.visits.count - hit.count)
    for move in report.moves where move.kind == .moved {
      #expect(move.reason.contains(member.inspectorID))
      #expect(move.after != move.before)
    }
    let unmoved = before.visits.filter { visit in !hit.contains { $0.visitID == visit.visitID } }
    for visit in unmoved { #expect(report.programme.visit(visit.visitID) == visit) }
    let changedInput = report.programme.input
    #expect(ProgrammeChecker(input: changedInput, calendar: calendar).violations(of: report.programme).isEmpty)
  }

  @Test func anAddedUnitIsPlacedWithoutMovingAnyOtherVisit() throws {
    let calendar = try calendar2026()
    let before = try Planner().plan(input, calendar: calendar)
    let added = due("NEW-1", unit: "DBCS-9999", length: 4, window: span(day(2026, 6, 1), day(2026, 9, 30)))
    let report = try Planner().replan(
      before, changes: [.unitAdded(added, risk: UnitRisk(unitCode: "DBCS-9999", scoreBP: 8000))], calendar: calendar)
    #expect(report.moves.map(\.kind) == [.added])
    #expect(report.moves.first?.after?.unitCode == "DBCS-9999")
    #expect(report.unchanged == before.visits.count)
    #expect(report.programme.visit("NEW-1")?.riskBP == 8000)
  }

  @Test func aCancelledVisitLeavesTheProgrammeAndNothingElseMoves() throws {
    let calendar = try calendar2026()
    let before = try Planner().plan(input, calendar: calendar)
    let gone = before.visits[3]
    let report = try Planner().replan(
      before, changes: [.visitCancelled(visitID: gone.visitID, reason: "đơn vị giải thể")], calendar: calendar)
    #expect(
      report.moves == [
        VisitMove(
          visitID: gone.visitID, unitCode: gone.unitCode, kind: .cancelled, before: gone, after: nil,
          reason: "đơn vị giải thể")
      ])
    #expect(report.programme.visit(gone.visitID) == nil)
    #expect(report.programme.visits.count == before.visits.count - 1)
    #expect(!report.programme.input.visitsDue.contains { $0.dueID == gone.dueID })
  }

  @Test func aVisitBegunBeforeTodayStaysEvenWhenLeaveCoversIt() throws {
    let calendar = try calendar2026()
    let before = try Planner().plan(input, calendar: calendar)
    let begun = try #require(before.visits.first { $0.workingDays >= 3 })
    let member = try #require(input.teams.first { $0.teamID == begun.teamID }?.inspectors.first)
    let leave = span(begun.firstDay, begun.lastDay)
    let report = try Planner().replan(
      before, changes: [.leave(inspectorID: member.inspectorID, Unavailability(dates: leave))], calendar: calendar,
      notBefore: begun.firstDay.adding(days: 1))
    #expect(report.programme.visit(begun.visitID) == begun)
    #expect(!report.moves.contains { $0.visitID == begun.visitID })
    for move in report.moves { #expect(move.after.map { $0.firstDay > begun.firstDay } ?? true) }
  }

  @Test func leaveForAnUnknownInspectorIsRefusedNamingTheChange() throws {
    let calendar = try calendar2026()
    let before = try Planner().plan(input, calendar: calendar)
    let error = #expect(throws: PlanningError.self) {
      try Planner().replan(
        before,
        changes: [.leave(inspectorID: "KTV-NONE", Unavailability(dates: span(day(2026, 5, 4), day(2026, 5, 8))))],
        calendar: calendar)
    }
    #expect(error?.kind == .notFound)
    #expect(error?.field == "changes[0].leave.inspectorID")
  }

  @Test func addingAVisitTwiceIsRefused() throws {
    let calendar = try calendar2026()
    let before = try Planner().plan(input, calendar: calendar)
    let existing = input.visitsDue[0]
    let error = #expect(throws: PlanningError.self) {
      try Planner().replan(before, changes: [.unitAdded(existing, risk: nil)], calendar: calendar)
    }
    #expect(error?.kind == .alreadyExists)
  }
}
