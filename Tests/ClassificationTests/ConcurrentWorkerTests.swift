import Classification
import Foundation
import GRPCCore
import ReformModule
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

/// Two module instances — two workers, each with its own connection pool — on one PostgreSQL
/// schema, sending the same writes at once: the outcome is the one a single writer gives, one
/// write after the other. Runs on the test server whatever engine the rest of the run uses.
@Suite(
  "Workers sharing one PostgreSQL database",
  .enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
struct ConcurrentWorkerTests {
  /// Two workers on one new schema.
  static func workers() throws -> (TestBed, TestBed) {
    let first = try TestBed(folder: try TemporaryFolder("classification"), store: try TestPostgres.freshStore("classification_c"))
    return (first, try first.reopened())
  }

  /// Runs `body` `count` times at once, alternating between the two workers; the outcomes in
  /// the order started.
  static func atOnce<T: Sendable>(
    _ count: Int, _ workers: (TestBed, TestBed), _ body: @escaping @Sendable (TestBed, Int) async throws -> T
  ) async -> [Result<T, any Error>] {
    await withTaskGroup(of: (Int, Result<T, any Error>).self) { group in
      for index in 0..<count {
        let bed = index % 2 == 0 ? workers.0 : workers.1
        group.addTask {
          do { return (index, .success(try await body(bed, index))) } catch { return (index, .failure(error)) }
        }
      }
      var outcomes: [(Int, Result<T, any Error>)] = []
      for await outcome in group { outcomes.append(outcome) }
      return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
    }
  }

  @Test("changes to one evaluation sent at once each take their own revision; every replaced one is in the history")
  func noLostRevision() async throws {
    let workers = try Self.workers()
    let count = 12
    let outcomes = await Self.atOnce(count, workers) { bed, index in
      try await bed.submit([Sample.member("P1", total: Int32(8_000 + index * 10))])
    }
    for outcome in outcomes { _ = try outcome.get() }
    guard case .person(let current)? = try await workers.1.evaluations().first?.subject else { throw TestFailure("missing") }
    #expect(current.revision == Int64(count))
    let rows = try await workers.0.rowCounts()
    #expect(rows["classification_evaluations"] == 1)
    #expect(rows["classification_evaluation_history"] == count - 1, "revisions 1 to \(count - 1), each once")
  }

  @Test("final runs of one unit and year started at once: one locks the ratings, the others need a rerun reason")
  func oneFinalRunLocks() async throws {
    let workers = try Self.workers()
    try await workers.0.submit((1...4).map { Sample.member("P\($0)") })
    let outcomes = await Self.atOnce(6, workers) { bed, _ in
      try #require(try await bed.run(unit: "DB1", mode: .final).run)
    }
    let runs = outcomes.compactMap { try? $0.get() }
    #expect(runs.count == 1)
    for case .failure(let error) in outcomes {
      #expect((error as? RPCError)?.code == .failedPrecondition)
      #expect((error as? RPCError)?.message.hasPrefix("rerun_reason:") == true)
    }
    let ratings = try await workers.1.results()
    #expect(ratings.count == 4)
    #expect(Set(ratings.map(\.runId)) == Set(runs.map(\.id)))
  }

  @Test("final reruns started at once are numbered in order, and each supersedes the one before it")
  func rerunsSupersedeInOrder() async throws {
    let workers = try Self.workers()
    try await workers.0.submit((1...4).map { Sample.member("P\($0)") })
    let outcomes = await Self.atOnce(6, workers) { bed, index in
      try #require(try await bed.run(unit: "DB1", mode: .final, rerunReason: "Phúc tra lần \(index)").run)
    }
    let runs = try outcomes.map { try $0.get() }.sorted { $0.id < $1.id }
    #expect(runs.map(\.id) == (1...6).map { "R2025-00000\($0)" })
    #expect(runs[0].supersededRunIds == [])
    for (earlier, later) in zip(runs, runs.dropFirst()) {
      #expect(later.supersededRunIds == [earlier.id], "\(later.id) supersedes \(earlier.id) only")
    }
    let ratings = try await workers.1.results()
    #expect(ratings.count == 4)
    #expect(ratings.allSatisfy { $0.runId == runs.last?.id })
  }

  @Test("one run request with one idempotency key sent to both workers at once is run once and answered alike")
  func keyAnsweredOnce() async throws {
    let workers = try Self.workers()
    try await workers.0.submit((1...4).map { Sample.member("P\($0)") })
    let outcomes = await Self.atOnce(6, workers) { bed, _ in
      try await bed.run(mode: .final, key: "final-2025")
    }
    let answers = try outcomes.map { try $0.get() }
    #expect(Set(answers.compactMap(\.run?.id)).count == 1)
    #expect(answers.allSatisfy { $0 == answers[0] })
    let listed = try await workers.1.call(ClassificationService.ListRuns.self, ClassificationListRunsRequest())
    #expect(listed.runs.count == 1)
  }

  @Test("quota exceptions granted at once for one unit: one is recorded, the others are refused")
  func oneLiveException() async throws {
    let workers = try Self.workers()
    let outcomes = await Self.atOnce(6, workers) { bed, _ in
      try await QuotaExceptionTests.grant(bed, Sample.exception(unit: "CB1", grant: .unlimited(true)))
    }
    let granted = outcomes.compactMap { try? $0.get() }
    #expect(granted.map(\.id) == ["QE-2025-0001"])
    for case .failure(let error) in outcomes { #expect((error as? RPCError)?.code == .alreadyExists) }
  }
}
