import Foundation
import ReformClient
import ReformWire
import Testing

/// The memory and liveness test of flow control: a thousand streams whose callers never read,
/// plus the largest stream request Diagnostics accepts, against one coordinator and one worker.
/// Throughout, both processes stay under the bounds written in BENCHMARKS.md, the worker stays
/// attached and an ordinary call to the same module still answers.
///
/// It runs in its own step of `Deploy/test`, after the parallel suites: a thousand streams on
/// two cores beside other process tests would judge the machine, not the system.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct StreamMemoryTests {
  /// BENCHMARKS.md, "Streams that never read": the resident size each process stays under.
  static let coordinatorBound: Int64 = 384 * 1_048_576
  static let workerBound: Int64 = 320 * 1_048_576

  @Test func aThousandStreamsThatNeverReadAndOneMaximalStreamKeepMemoryBoundedAndTheWorkerAttached() async throws {
    let cluster = try Cluster()
    // Budgets wide enough to admit every stream: what bounds memory here is flow control alone.
    let coordinator = try cluster.startCoordinator(["--max-streams-per-principal", "2000", "--max-streams-per-module", "2000"])
    let worker = try cluster.startWorker()
    try await cluster.waitForWorkers(1)
    let token = try cluster.adminToken
    let attached = try await cluster.withClient { try await $0.admin.listWorkers(module: "diagnostics").workers.map(\.workerId) }
    let before = (residentBytes(of: coordinator.processIdentifier), residentBytes(of: worker.processIdentifier))

    let many = DiagnosticsStreamItemsRequest(itemCount: 1000, payloadBytes: 16 * 1024)
    // 256 items of 1 MiB: the most items × bytes StreamItems accepts.
    let maximal = DiagnosticsStreamItemsRequest(itemCount: 256, payloadBytes: 1 << 20)
    let seen = try await SilentStreams.open(
      DiagnosticsService.StreamItems.self, many, count: 1000, socket: cluster.socket, token: token
    ) {
      try await SilentStreams.open(
        DiagnosticsService.StreamItems.self, maximal, count: 1, socket: cluster.socket, token: token
      ) {
        try await cluster.withClient { client in
          var seen = Seen()
          let started = ContinuousClock.now
          var allOpenAt: ContinuousClock.Instant?
          // Until every stream has been open for ten seconds, or 90 s in all.
          while ContinuousClock.now - started < .seconds(90) {
            let echoStarted = ContinuousClock.now
            let echo = try await client.call(
              DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "đang chạy"), timeout: .seconds(10))
            #expect(echo.text == "đang chạy")
            let took = ContinuousClock.now - echoStarted
            seen.slowestEcho = max(seen.slowestEcho, took)
            if allOpenAt != nil { seen.slowestEchoOnceOpen = max(seen.slowestEchoOnceOpen, took) }
            let workers = try await client.admin.listWorkers(module: "diagnostics").workers
            seen.workers.formUnion(workers.filter { $0.state == .attached }.map(\.workerId))
            seen.workersSeen = max(seen.workersSeen, workers.count)
            seen.coordinatorPeak = max(seen.coordinatorPeak, residentBytes(of: coordinator.processIdentifier))
            seen.workerPeak = max(seen.workerPeak, residentBytes(of: worker.processIdentifier))
            let jobs = try await client.admin.listJobs(module: "diagnostics").jobs
            seen.mostOpen = max(seen.mostOpen, jobs.count)
            if allOpenAt == nil, jobs.count >= 1001 { allOpenAt = .now }
            if let allOpenAt, ContinuousClock.now - allOpenAt > .seconds(10) {
              seen.itemsSent = jobs.map(\.itemsSent).reduce(0, +)
              seen.maximalItemsSent = jobs.map(\.itemsSent).max() ?? 0
              break
            }
            try await Task.sleep(for: .milliseconds(250))
          }
          return seen
        }
      }
    }
    let mib = { (bytes: Int64) in bytes / 1_048_576 }
    print(
      "streams that never read: coordinator \(mib(before.0)) → peak \(mib(seen.coordinatorPeak)) MiB, worker \(mib(before.1)) → peak \(mib(seen.workerPeak)) MiB, \(seen.mostOpen) streams open, \(seen.itemsSent) items sent in all, slowest echo \(seen.slowestEcho), once all were open \(seen.slowestEchoOnceOpen)"
    )
    #expect(seen.mostOpen >= 1001, "only \(seen.mostOpen) of the 1001 streams were open at once")
    #expect(seen.coordinatorPeak < Self.coordinatorBound, "the coordinator reached \(mib(seen.coordinatorPeak)) MiB")
    #expect(seen.workerPeak < Self.workerBound, "the worker reached \(mib(seen.workerPeak)) MiB")
    #expect(seen.workers == Set(attached) && seen.workersSeen == 1, "the worker was detached: \(seen.workers) after \(attached)")
    // Every echo answered within its 10 s deadline, even while a thousand streams were being
    // admitted at once; with them all open, promptly.
    #expect(seen.slowestEchoOnceOpen < .seconds(5), "with every stream open an echo took \(seen.slowestEchoOnceOpen)")
    #expect(try !cluster.logs().contains("worker detached"))
  }

  private struct Seen: Sendable {
    var coordinatorPeak: Int64 = 0
    var workerPeak: Int64 = 0
    var slowestEcho: Duration = .zero
    var slowestEchoOnceOpen: Duration = .zero
    var workers: Set<String> = []
    var workersSeen = 0
    var mostOpen = 0
    var itemsSent: Int64 = 0
    var maximalItemsSent: Int64 = 0
  }
}
