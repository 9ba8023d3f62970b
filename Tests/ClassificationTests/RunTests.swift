import Foundation
import GRPCCore
import ReformWire
import Testing

@Suite("Run, GetRun and ListRuns")
struct RunTests {
  @Test("a dry run rates the subtree under the year's rule set and keeps its results for review")
  func dryRun() async throws {
    let bed = try TestBed()
    try await bed.submit(
      [Sample.member("P1", unit: "CB1", total: 8_000), Sample.member("P2", unit: "CB3", total: 6_000)],
      collectives: [Sample.collective("CB1"), Sample.collective("CB3")])
    let response = try await bed.run(unit: "DB1")
    let run = try #require(response.run)
    #expect(run.id == "R2025-000001")
    #expect(run.ruleSetId == "366-QD-TW-2025")
    #expect(run.ruleSetSha256.count == 64)
    #expect(run.mode == .dryRun)
    #expect(run.unitCode == "DB1")
    #expect(run.ratedCount == 2)
    #expect(run.subjectKinds == [.partyMember, .collective])
    #expect(run.startedBy?.id == "admin")
    #expect(run.levels.map(\.count) == [1, 1, 0, 0])
    #expect(run.levels.map(\.shareBasisPoints) == [5_000, 5_000, 0, 0])

    let ratings = try await bed.results(runId: run.id)
    #expect(ratings.map(\.subjectId) == ["CB1", "P1"])
    #expect(ratings.allSatisfy { !$0.locked })
    #expect(ratings.last?.level == .httnv)
    #expect(try await bed.results().isEmpty, "a dry run makes no final rating")
  }

  @Test("a final run locks its results; a later final run for the same scope needs a rerun reason")
  func finalRunLocks() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1", total: 8_000)], collectives: [Sample.collective("CB1")])
    let first = try #require(try await bed.run(mode: .final).run)
    #expect(try await bed.results().allSatisfy(\.locked))

    let error = await status { try await bed.run(mode: .final) }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message.hasPrefix("rerun_reason:") == true)
    let runs = try await bed.call(ClassificationService.ListRuns.self, ClassificationListRunsRequest())
    #expect(runs.runs.map(\.id) == [first.id], "the refused run left nothing behind")

    let dry = try await bed.run(mode: .dryRun)
    #expect(dry.run?.mode == .dryRun, "a dry run is allowed over locked ratings")
  }

  @Test("a rerun supersedes the locked ratings and records who, when, why and what changed")
  func rerunIsRecorded() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1", total: 8_000), Sample.member("P2", total: 7_500)], collectives: [Sample.collective("CB1")])
    let first = try #require(try await bed.run(mode: .final).run)
    try await bed.submit([Sample.member("P1", total: 6_500)])
    let rerun = try #require(try await bed.run(mode: .final, rerunReason: "Điểm của P1 được chấm lại theo kết luận 12-KL").run)
    #expect(rerun.supersededRunIds == [first.id])
    #expect(rerun.rerunReason == "Điểm của P1 được chấm lại theo kết luận 12-KL")
    #expect(rerun.changedCount == 1)
    #expect(rerun.startedBy?.id == "admin")
    #expect(rerun.startedAt != nil && rerun.finishedAt != nil)

    let current = try await bed.results()
    #expect(current.allSatisfy { $0.runId == rerun.id })
    #expect(current.first { $0.subjectId == "P1" }?.level == .htnv)
    let earlier = try await bed.results(runId: first.id)
    #expect(earlier.allSatisfy { $0.supersededByRunId == rerun.id && $0.locked })
    #expect(earlier.first { $0.subjectId == "P1" }?.level == .httnv, "the superseded rating is kept as it was")
  }

  @Test("a run over a subtree leaves the ratings outside it untouched")
  func subtreeRun() async throws {
    let bed = try TestBed()
    try await bed.submit(
      [Sample.member("P1", unit: "CB1"), Sample.member("P3", unit: "CB3")],
      collectives: [Sample.collective("CB1"), Sample.collective("CB3")])
    _ = try await bed.run(unit: "DB2", mode: .final)
    _ = try await bed.run(unit: "DB1", mode: .final)
    #expect(try await bed.results().map(\.subjectId) == ["CB1", "P1", "CB3", "P3"])
    let again = await status { try await bed.run(unit: "CB3", mode: .final) }
    #expect(again?.code == .failedPrecondition)
  }

  @Test("the quota demotes the lowest HTXSNV, and GetRun shows each group's arithmetic")
  func quotaAndGetRun() async throws {
    let bed = try TestBed()
    // 4 HTXSNV and 6 HTTNV: 20% of HTTNV allows 1 at first; demoting 2 gives 8 HTTNV, still 1
    // allowed; demoting 3 gives 9, still 1: three are demoted, the lowest scores first.
    let excellent = [9_100, 9_200, 9_300, 9_400].enumerated().map { Sample.member("E\($0.offset)", total: Int32($0.element)) }
    let good = (0..<6).map { Sample.member("G\($0)", total: 8_000) }
    try await bed.submit(excellent + good, collectives: [Sample.collective("CB1")])
    let response = try await bed.run()
    let run = try #require(response.run)
    #expect(run.quotaDemotions == 3)
    let group = try #require(response.quotaGroups.first { $0.quotaUnitCode == "CB1" && $0.subjectKind == .partyMember })
    #expect(group.excellentBefore == 4)
    #expect(group.demoted == 3)
    #expect(group.allowedExcellent == 1)
    #expect(group.goodAfter == 9)

    let fetched = try await bed.call(ClassificationService.GetRun.self, ClassificationGetRunRequest(runId: run.id))
    #expect(fetched.run == run)
    #expect(fetched.quotaGroups == response.quotaGroups)
    let ratings = try await bed.results(runId: run.id)
    #expect(ratings.filter { $0.quotaDemotion != nil }.map(\.subjectId).sorted() == ["E0", "E1", "E2"])
    #expect(ratings.first { $0.subjectId == "E3" }?.level == .htxsnv)
  }

  @Test("a granted exception lifts the quota for its unit; once revoked it no longer applies")
  func exceptionApplies() async throws {
    let bed = try TestBed()
    let excellent = (0..<3).map { Sample.member("E\($0)", total: 9_500) }
    try await bed.submit(excellent + [Sample.member("G0")], collectives: [Sample.collective("CB1")])
    let granted = try await bed.call(
      ClassificationService.GrantQuotaException.self,
      ClassificationGrantQuotaExceptionRequest(exception: Sample.exception(unit: "CB1", grant: .unlimited(true))))
    let exception = try #require(granted.exception)
    let lifted = try #require(try await bed.run().run)
    #expect(lifted.quotaDemotions == 0)
    let ratings = try await bed.call(
      ClassificationService.GetRun.self, ClassificationGetRunRequest(runId: lifted.id))
    #expect(ratings.quotaGroups.first { $0.quotaUnitCode == "CB1" }?.exceptionId == exception.id)

    _ = try await bed.call(
      ClassificationService.RevokeQuotaException.self,
      ClassificationRevokeQuotaExceptionRequest(id: exception.id, reason: "Quyết định bị thu hồi"))
    let limited = try #require(try await bed.run().run)
    #expect(limited.quotaDemotions == 3)
  }

  @Test("a repeated run with the same idempotency key returns the same run and records no other")
  func idempotentRun() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1")], collectives: [Sample.collective("CB1")])
    let first = try await bed.run(mode: .final, key: "run-2025")
    let again = try await bed.run(mode: .final, key: "run-2025")
    #expect(first == again)
    let runs = try await bed.call(ClassificationService.ListRuns.self, ClassificationListRunsRequest())
    #expect(runs.runs.count == 1)
    let other = await status { try await bed.run(mode: .dryRun, key: "run-2025") }
    #expect(other?.code == .failedPrecondition)
    #expect(other?.message.hasPrefix("idempotency_key:") == true)
  }

  @Test("bad run requests name their field")
  func badRequests() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1")])
    let noMode = await status {
      try await bed.call(ClassificationService.Run.self, ClassificationRunRequest(year: Sample.year))
    }
    #expect(noMode?.code == .invalidArgument)
    #expect(noMode?.message.hasPrefix("mode:") == true)
    let yearZero = await status { try await bed.run(0) }
    #expect(yearZero?.code == .invalidArgument)
    #expect(yearZero?.message.hasPrefix("year:") == true)
    let unknown = await status { try await bed.run(ruleSet: "999-NO-SUCH") }
    #expect(unknown?.code == .notFound)
    #expect(unknown?.message.hasPrefix("rule_set_id:") == true)
    let wrongYear = await status { try await bed.run(ruleSet: "124-QD-TW-2023") }
    #expect(wrongYear?.code == .failedPrecondition)
    #expect(wrongYear?.message.hasPrefix("year:") == true)
    let nothing = await status { try await bed.run(2026) }
    #expect(nothing?.code == .failedPrecondition)
    let getMissing = await status {
      try await bed.call(ClassificationService.GetRun.self, ClassificationGetRunRequest(runId: "R2025-999999"))
    }
    #expect(getMissing?.code == .notFound)
  }

  @Test("124-QĐ/TW recomputes 2024 from the assessed level; a kind the named set does not rate is refused")
  func recomputeUnder124() async throws {
    let bed = try TestBed()
    var person = Sample.member("P1", year: 2024)
    person.assessedLevel = .httnv
    try await bed.submit([person])
    let fine = try await bed.run(2024, ruleSet: "124-QD-TW-2023")
    #expect(fine.run?.ratedCount == 1)
    let kinds = await status {
      try await bed.call(
        ClassificationService.Run.self,
        ClassificationRunRequest(year: 2024, ruleSetId: "124-QD-TW-2023", subjectKinds: [.civilServant], mode: .dryRun))
    }
    #expect(kinds?.message.hasPrefix("subject_kinds[0]:") == true)
  }

  @Test("leaders whose collective was not rated are reported, and units without their collective too")
  func runIssues() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1", unit: "CB1", leads: "CB2"), Sample.member("P2", unit: "CB2")])
    let run = try #require(try await bed.run().run)
    let codes = run.issues.map { "\($0.code) \($0.subjectId)" }
    #expect(codes.contains("led_collective_not_rated P1"))
    #expect(codes.contains("missing_evaluation CB1"))
  }

  @Test("a clerk reads only runs rooted within their own unit")
  func clerkRuns() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1", unit: "CB1"), Sample.member("P3", unit: "CB3")])
    let own = try #require(try await bed.run(unit: "CB1").run)
    let other = try #require(try await bed.run(unit: "DB2").run)
    let bloc = try #require(try await bed.run().run)
    let listed = try await bed.call(ClassificationService.ListRuns.self, ClassificationListRunsRequest(), as: TestBed.clerk("DB1"))
    #expect(listed.runs.map(\.id) == [own.id])
    _ = try await bed.call(ClassificationService.GetRun.self, ClassificationGetRunRequest(runId: own.id), as: TestBed.clerk("DB1"))
    for id in [other.id, bloc.id] {
      let error = await status {
        try await bed.call(ClassificationService.GetRun.self, ClassificationGetRunRequest(runId: id), as: TestBed.clerk("DB1"))
      }
      #expect(error?.code == .permissionDenied)
    }
    let all = try await bed.call(ClassificationService.ListRuns.self, ClassificationListRunsRequest(page: PageRequest(pageSize: 2)))
    #expect(all.runs.map(\.id) == [bloc.id, other.id])
    #expect(all.page?.totalCount == 3)
  }
}
