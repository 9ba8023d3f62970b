import Foundation
import GRPCCore
import ReformModule
import ReformModuleTesting
import ReformWire
import Testing

@Suite("Replan")
struct ReplanTests {
  /// Whether the visit's days overlap `first`–`last`.
  func overlaps(_ visit: InspectionVisit, _ first: CalendarDate, _ last: CalendarDate) -> Bool {
    func key(_ d: CalendarDate?) -> Int32 { (d?.year ?? 0) * 10_000 + (d?.month ?? 0) * 100 + (d?.day ?? 0) }
    return key(visit.firstDay) <= key(last) && key(first) <= key(visit.lastDay)
  }

  @Test func aReplanAfterOneInspectorsLeaveMovesOnlyThatTeamsVisits() async throws {
    let module = try Harness()
    let planned = try #require(
      try await module.call(InspectionService.Plan.self, planRequest(generatedInput(units: 60, teams: 6, seed: 11)))
        .programme)
    try #require(planned.unplaced.isEmpty)
    let input = try #require(
      try await module.call(
        InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId, includeInput: true)
      ).input)

    // The busiest team; one of its inspectors is away from its 2nd visit's first day to its
    // 4th visit's last day.
    let teamID = try #require(
      Dictionary(grouping: planned.visits, by: \.teamId).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?
        .key)
    let teamVisits = planned.visits.filter { $0.teamId == teamID }
    try #require(teamVisits.count >= 4)
    let team = try #require(input.teams.first { $0.teamId == teamID })
    let inspector = try #require(team.inspectors.first)
    let first = try #require(teamVisits[1].firstDay)
    let last = try #require(teamVisits[3].lastDay)
    let broken = teamVisits.filter { overlaps($0, first, last) }

    let replanned = try await module.call(
      InspectionService.Replan.self,
      .init(
        programmeId: planned.programmeId, baseVersion: 1,
        changes: [
          InspectionChange(
            change: .leave(
              .init(
                inspectorId: inspector.inspectorId,
                unavailable: .init(dates: range(first, last), reason: "Nghỉ ốm"))),
            note: "Giấy nghỉ ốm")
        ]))

    #expect(replanned.moves.count == broken.count)
    #expect(Set(replanned.moves.map(\.visitId)) == Set(broken.map(\.visitId)))
    for move in replanned.moves {
      #expect(move.before?.teamId == teamID)
      #expect(move.kind == .moved || move.kind == .unplaced)
      #expect(move.reason.contains(inspector.inspectorId))
      if let after = move.after { #expect(after.teamId != teamID || !overlaps(after, first, last)) }
    }
    #expect(Int(replanned.unchanged) == planned.visits.count - broken.count)
    let programme = try #require(replanned.programme)
    #expect(programme.version == 2)
    let movedIDs = Set(replanned.moves.map(\.visitId))
    let kept = planned.visits.filter { !movedIDs.contains($0.visitId) }
    for visit in kept { #expect(programme.visits.contains(visit), "\(visit.visitId) should not move") }

    let latest = try await module.call(InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId))
    #expect(latest == programme)
    let original = try await module.call(
      InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId, version: 1))
    #expect(original == planned)
  }

  @Test func aCancelledVisitAndAnAddedUnitAreReportedAsSuch() async throws {
    let module = try Harness()
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    let added = InspectionVisitDue(
      dueId: "DBCS-07-1", unitCode: "DBCS-07", unitName: "Chi bộ DBCS-07", kind: .regularSupervision, lengthDays: 3)
    let replanned = try await module.call(
      InspectionService.Replan.self,
      .init(
        programmeId: planned.programmeId, baseVersion: 1,
        changes: [
          InspectionChange(change: .visitCancelled(.init(visitId: "DBCS-02-1", reason: "Đơn vị giải thể"))),
          InspectionChange(change: .unitAdded(.init(due: added, risk: .init(scoreBp: 9_000)))),
        ]))
    let cancelled = try #require(replanned.moves.first { $0.visitId == "DBCS-02-1" })
    #expect(cancelled.kind == .cancelled && cancelled.after == nil && cancelled.reason == "Đơn vị giải thể")
    let placed = try #require(replanned.moves.first { $0.visitId == "DBCS-07-1" })
    #expect(placed.kind == .added && placed.before == nil && placed.after?.riskBp == 9_000)
    #expect(replanned.moves.count == 2)
    #expect(replanned.unchanged == 5)
    let input = try #require(
      try await module.call(
        InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId, includeInput: true)
      ).input)
    #expect(input.risks.contains { $0.unitCode == "DBCS-07" && $0.scoreBp == 9_000 && $0.source == .given })
    #expect(!input.visitsDue.contains { $0.dueId == "DBCS-02-1" })
  }

  @Test func visitsBegunBeforeTodayStayWhereTheyAre() async throws {
    let module = try Harness()
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    let begun = try #require(planned.visits.first)
    let firstDay = try #require(begun.firstDay)
    // Today is the day after the first visit began; its team's inspectors are all away.
    let today = try #require(
      Calendar(identifier: .gregorian).date(
        from: DateComponents(
          timeZone: TimeZone(secondsFromGMT: 7 * 3_600), year: Int(firstDay.year), month: Int(firstDay.month),
          day: Int(firstDay.day) + 1, hour: 9)))
    let input = smallInput()
    let team = try #require(input.teams.first { $0.teamId == begun.teamId })
    let changes = team.inspectors.map { inspector in
      InspectionChange(
        change: .leave(
          .init(inspectorId: inspector.inspectorId, unavailable: .init(dates: range(firstDay, date(2026, 12, 31))))))
    }
    let replanned = try await module.reopened(now: today).call(
      InspectionService.Replan.self, .init(programmeId: planned.programmeId, baseVersion: 1, changes: changes))
    #expect(!replanned.moves.contains { $0.visitId == begun.visitId })
    #expect(replanned.programme?.visits.contains(begun) == true)
  }

  @Test func aReplanIsRefusedWhenItsBaseIsNoLongerTheLatestVersion() async throws {
    let module = try Harness()
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    let cancel = InspectionChange(change: .visitCancelled(.init(visitId: "DBCS-01-1")))
    _ = try await module.call(
      InspectionService.Replan.self, .init(programmeId: planned.programmeId, baseVersion: 1, changes: [cancel]))
    await expectRPCError(.failedPrecondition, field: "base_version") {
      _ = try await module.call(
        InspectionService.Replan.self, .init(programmeId: planned.programmeId, baseVersion: 1, changes: [cancel]))
    }
    await expectRPCError(.notFound, field: "base_version") {
      _ = try await module.call(
        InspectionService.Replan.self, .init(programmeId: planned.programmeId, baseVersion: 7, changes: [cancel]))
    }
  }

  @Test func aRepeatedReplanReturnsTheFirstAnswerAndADryRunStoresNothing() async throws {
    let module = try Harness()
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    let request = InspectionReplanRequest(
      idempotencyKey: "replan-1", programmeId: planned.programmeId, baseVersion: 1,
      changes: [InspectionChange(change: .visitCancelled(.init(visitId: "DBCS-04-1")))])
    var dryRun = request
    dryRun.dryRun = true
    let preview = try await module.call(InspectionService.Replan.self, dryRun)
    #expect(preview.programme?.version == 2)
    #expect(
      try await module.call(InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId)) == planned)

    let first = try await module.call(InspectionService.Replan.self, request)
    let repeated = try await module.call(InspectionService.Replan.self, request)
    #expect(repeated == first)
    #expect(first.moves == preview.moves)
    let latest = try await module.call(InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId))
    #expect(latest.version == 2)

    var different = request
    different.changes = [InspectionChange(change: .visitCancelled(.init(visitId: "DBCS-05-1")))]
    different.baseVersion = 2
    await expectRPCError(.alreadyExists, field: "idempotency_key") {
      _ = try await module.call(InspectionService.Replan.self, different)
    }
  }

  @Test func changesThatNameWhatIsNotThereAreRefusedNamingTheField() async throws {
    let module = try Harness()
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    func replan(_ changes: [InspectionChange], base: Int32 = 1, id: String? = nil) async throws {
      _ = try await module.call(
        InspectionService.Replan.self,
        .init(programmeId: id ?? planned.programmeId, baseVersion: base, changes: changes))
    }
    let leave = InspectionChange(
      change: .leave(.init(inspectorId: "KTV-99", unavailable: .init(dates: range(date(2026, 5, 4), date(2026, 5, 8)))))
    )
    await expectRPCError(.notFound, field: "changes[0].leave.inspector_id") { try await replan([leave]) }
    await expectRPCError(.notFound, field: "changes[1].visit_cancelled.visit_id") {
      try await replan([
        InspectionChange(change: .visitCancelled(.init(visitId: "DBCS-01-1"))),
        InspectionChange(change: .visitCancelled(.init(visitId: "NOPE"))),
      ])
    }
    await expectRPCError(.alreadyExists, field: "changes[0].unit_added.due.due_id") {
      try await replan([InspectionChange(change: .unitAdded(.init(due: smallInput().visitsDue[0])))])
    }
    await expectRPCError(.invalidArgument, field: "changes[0].unit_added.due.window") {
      var due = smallInput().visitsDue[0]
      due.dueId = "NEW-1"
      due.window = range(date(2025, 12, 1), date(2026, 1, 31))
      try await replan([InspectionChange(change: .unitAdded(.init(due: due)))])
    }
    await expectRPCError(.invalidArgument, field: "changes[0].leave.unavailable") {
      try await replan([InspectionChange(change: .leave(.init(inspectorId: "KTV-01")))])
    }
    await expectRPCError(.invalidArgument, field: "changes[0]") { try await replan([InspectionChange(note: "?")]) }
    await expectRPCError(.invalidArgument, field: "changes") { try await replan([]) }
    await expectRPCError(.resourceExhausted, field: "changes") {
      try await replan(Array(repeating: leave, count: 5_000))
    }
    await expectRPCError(.invalidArgument, field: "base_version") { try await replan([leave], base: 0) }
    await expectRPCError(.notFound, field: "programme_id") { try await replan([leave], id: "KTGS-2026-9999") }
    #expect(
      try await module.call(InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId)) == planned)
  }
}
