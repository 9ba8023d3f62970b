import Classification
import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

@Suite("What the module keeps")
struct PersistenceTests {
  @Test("evaluations, rule sets, exceptions, runs and ratings survive reopening the module on its file")
  func survivesReopening() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1", total: 9_300), Sample.member("P2")], collectives: [Sample.collective("CB1")])
    let set = try await bed.copy(of: "366-QD-TW-2025", as: "366-LOCAL")
    _ = try await bed.define(set)
    let exception = try await QuotaExceptionTests.grant(bed, Sample.exception(unit: "CB1", grant: .unlimited(true)))
    let run = try #require(try await bed.run(mode: .final, key: "final-2025").run)
    let ratings = try await bed.results()

    let reopened = try bed.reopened()
    #expect(try await reopened.evaluations().count == 3)
    #expect(try await reopened.results() == ratings)
    #expect(try await reopened.ruleSet("366-LOCAL").rules == set.rules)
    let fetched = try await reopened.call(ClassificationService.GetRun.self, ClassificationGetRunRequest(runId: run.id))
    #expect(fetched.run == run)
    let exceptions = try await reopened.call(
      ClassificationService.ListQuotaExceptions.self, ClassificationListQuotaExceptionsRequest())
    #expect(exceptions.exceptions == [exception])
    let repeated = try await reopened.run(mode: .final, key: "final-2025")
    #expect(repeated.run == run, "an idempotency key outlives the process")
    let locked = await status { try await reopened.run(mode: .final) }
    #expect(locked?.code == .failedPrecondition, "final ratings stay locked")
  }

  @Test("a failed run leaves no run and no rating behind")
  func failedRunWritesNothing() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1")])
    _ = try await bed.run(mode: .final)
    _ = await status { try await bed.run(mode: .final) }
    _ = await status { try await bed.run(mode: .final, ruleSet: "NOPE") }
    let runs = try await bed.call(ClassificationService.ListRuns.self, ClassificationListRunsRequest())
    #expect(runs.runs.count == 1)
    let all = try await bed.call(
      ClassificationService.ListResults.self, ClassificationListResultsRequest(runId: runs.runs[0].id))
    #expect(all.ratings.count == 1)
  }

  @Test("every method of the service is registered")
  func everyMethodRegistered() throws {
    let bed = try TestBed()
    let expected = [
      "SubmitEvaluations", "ListEvaluations", "Run", "GetRun", "ListRuns", "ListResults", "Explain", "Summary",
      "ListRuleSets", "GetRuleSet", "DefineRuleSet", "GrantQuotaException", "RevokeQuotaException",
      "ListQuotaExceptions", "ExportCsv",
    ].map { "/reform.v1.Classification/\($0)" }
    #expect(bed.methods.paths == expected.sorted())
  }
}
