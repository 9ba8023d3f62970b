import Foundation
import ReformClient
import ReformWire
import Testing

/// The coordinator and its workers as separate processes on a real Unix socket: calls,
/// streams, load sharing, deadlines, drains and what happens when processes die.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct CoordinatorTests {
  @Test func callReachesAWorkerAndBackAndAStreamStreams() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    let worker = try cluster.startWorker()
    try await cluster.waitForWorkers(1)
    try await cluster.withClient { client in
      let text = "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu"
      let echo = try await client.diagnostics.echo(text: text, payload: [0, 1, 2, 255])
      #expect(Array(echo.text.utf8) == Array(text.utf8))
      #expect(echo.payload == [0, 1, 2, 255])
      #expect(echo.worker?.pid == worker.processIdentifier)
      #expect(echo.worker?.module == "diagnostics")
      #expect(echo.caller?.id == "admin", "the caller's identity travels with the job")
      #expect(echo.caller?.roles == [.admin])
      #expect(echo.attempt == 1)

      let items = ItemCollector()
      try await client.stream(DiagnosticsService.StreamItems.self, DiagnosticsStreamItemsRequest(itemCount: 200, payloadBytes: 64)) {
        await items.add($0.index)
      }
      #expect(await items.values == Array(0..<200))
    }
  }

  @Test func twoWorkersShareALoadOfAThousandCalls() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    let first = try cluster.startWorker(capacity: 8)
    let second = try cluster.startWorker(capacity: 8)
    try await cluster.waitForWorkers(2)
    try await cluster.withClient { client in
      try await withThrowingTaskGroup(of: Void.self) { group in
        for i in 0..<1000 {
          group.addTask { _ = try await client.diagnostics.echo(text: "call \(i)", payload: []) }
          if i >= 64 { try await group.next() }
        }
        try await group.waitForAll()
      }
    }
    let all = try await cluster.withClient { client in try await client.admin.listWorkers(module: "diagnostics") }
    let done = Dictionary(uniqueKeysWithValues: all.workers.map { ($0.pid, $0.done) })
    #expect(done.values.reduce(0, +) == 1000)
    #expect((done[first.processIdentifier] ?? 0) > 0, "the first worker did no work: \(done)")
    #expect((done[second.processIdentifier] ?? 0) > 0, "the second worker did no work: \(done)")
  }

  @Test func killingAWorkerDuringSafeCallsLosesNone() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    let victim = try cluster.startWorker(capacity: 256)
    try cluster.startWorker(capacity: 256)
    try await cluster.waitForWorkers(2)
    let failures = try await cluster.withClient { client in
      try await withThrowingTaskGroup(of: String?.self) { group in
        for _ in 0..<1000 {
          group.addTask {
            do {
              // Each call holds its slot 5 s: on a loaded machine the poll below may take
              // seconds to answer, and the victim must still hold calls when it does.
              _ = try await client.call(DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 5000), timeout: .seconds(120))
              return nil
            } catch let error as ReformError {
              return "\(error.code): \(error.message)"
            }
          }
        }
        try await cluster.waitUntilBusy(victim)
        cluster.kill9(victim)
        var failures: [String] = []
        for try await failure in group { if let failure { failures.append(failure) } }
        return failures
      }
    }
    #expect(failures.isEmpty, "\(failures.count) calls failed, e.g. \(failures.prefix(3))")
  }

  @Test func killingAWorkerDuringUnsafeCallsNeverRunsOneTwice() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    let victim = try cluster.startWorker(capacity: 64)
    try cluster.startWorker(capacity: 64)
    try await cluster.waitForWorkers(2)
    let run = UUID().uuidString.prefix(8)
    // Each call counts, then holds its answer for 2 s: the kill lands between the effect
    // and the answer of every call the victim holds.
    let results = try await cluster.withClient { client in
      try await withThrowingTaskGroup(of: (String, ReformError.Code?).self) { group in
        for i in 0..<400 {
          let key = "\(run)-\(i)"
          group.addTask {
            do {
              _ = try await client.call(
                DiagnosticsService.Tally.self, DiagnosticsTallyRequest(key: key, holdMs: 2000), timeout: .seconds(120))
              return (key, nil)
            } catch let error as ReformError {
              return (key, error.code)
            }
          }
        }
        try await cluster.waitUntilBusy(victim)
        cluster.kill9(victim)
        var results: [(String, ReformError.Code?)] = []
        for try await result in group { results.append(result) }
        return results
      }
    }
    let unavailable = results.filter { $0.1 == .unavailable }.count
    #expect(unavailable > 0, "the kill hit no call in flight")
    #expect(results.filter { $0.1 == nil }.count + unavailable == 400, "other failures: \(results.filter { $0.1 != nil && $0.1 != .unavailable }.prefix(3))")
    try await cluster.withClient { client in
      for (key, code) in results {
        let count = try await client.call(DiagnosticsService.GetTally.self, DiagnosticsGetTallyRequest(key: key)).value
        if code == nil {
          #expect(count == 1, "\(key) succeeded but ran \(count) times")
        } else {
          #expect(count <= 1, "\(key) failed but ran \(count) times")
        }
      }
    }
  }

  @Test func aDeadlinePassingInAWorkerCancelsItThere() async throws {
    let cluster = try await Cluster.withOneWorker()
    let key = "cancel-\(UUID().uuidString.prefix(8))"
    try await cluster.withClient { client in
      do {
        _ = try await client.call(
          DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 10_000, cancelTallyKey: key), timeout: .milliseconds(300))
        Issue.record("expected DEADLINE_EXCEEDED")
      } catch let error as ReformError {
        #expect(error.code == .deadlineExceeded)
      }
      // The worker saw the cancellation: its handler recorded it.
      var seen: Int64 = 0
      for _ in 0..<50 where seen == 0 {
        seen = try await client.call(DiagnosticsService.GetTally.self, DiagnosticsGetTallyRequest(key: key)).value
        if seen == 0 { try await Task.sleep(for: .milliseconds(100)) }
      }
      #expect(seen == 1)
    }
  }

  @Test func workersReattachWithinFiveSecondsOfACoordinatorRestart() async throws {
    let cluster = try Cluster()
    let first = try cluster.startCoordinator()
    try cluster.startWorker()
    try cluster.startWorker()
    try await cluster.waitForWorkers(2)
    cluster.kill9(first)
    let restarted = ContinuousClock.now
    try cluster.startCoordinator()
    try await cluster.waitForWorkers(2, limit: .seconds(5))
    #expect(ContinuousClock.now - restarted < .seconds(5))
    let echo = try await cluster.withClient { client in try await client.diagnostics.echo(text: "again", payload: []) }
    #expect(echo.text == "again")
  }

  @Test func aDrainedWorkerGetsNoNewJobAndFinishesItsOwn() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    let drained = try cluster.startWorker(capacity: 4)
    let other = try cluster.startWorker(capacity: 8)
    try await cluster.waitForWorkers(2)
    try await cluster.withClient { client in
      let drainedID = try await client.admin.listWorkers(module: "").workers.first { $0.pid == drained.processIdentifier }!.workerId
      try await withThrowingTaskGroup(of: Int32.self) { group in
        for _ in 0..<8 {
          group.addTask { try await client.call(DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 3000)).worker?.pid ?? 0 }
        }
        try await cluster.waitUntilBusy(drained, inFlight: 4)
        _ = try await client.admin.drainWorker(id: drainedID, reason: "test")
        for _ in 0..<40 {
          let pid = try await client.diagnostics.echo(text: "after drain", payload: []).worker?.pid
          #expect(pid == other.processIdentifier)
        }
        var finished: [Int32: Int] = [:]
        for try await pid in group { finished[pid, default: 0] += 1 }
        #expect(finished[drained.processIdentifier] == 4, "the drained worker finished \(finished)")
      }
      let after = try await client.admin.listWorkers(module: "").workers.first { $0.workerId == drainedID }!
      #expect(after.state == .draining)
      #expect(after.done == 4)
      #expect(after.inFlight == 0)
    }
  }

  @Test func aWorkerGivenSigtermFinishesWhatItHasAndExitsZero() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    let leaving = try cluster.startWorker(capacity: 4)
    let staying = try cluster.startWorker(capacity: 8)
    try await cluster.waitForWorkers(2)
    try await cluster.withClient { client in
      try await withThrowingTaskGroup(of: Int32.self) { group in
        for _ in 0..<8 {
          group.addTask { try await client.call(DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 3000)).worker?.pid ?? 0 }
        }
        try await cluster.waitUntilBusy(leaving, inFlight: 4)
        kill(leaving.processIdentifier, SIGTERM)
        // The worker tells the hub it is leaving; from then on it gets no job.
        while try await client.admin.listWorkers(module: "").workers.first(where: { $0.pid == leaving.processIdentifier })?.state != .draining {
          try await Task.sleep(for: .milliseconds(10))
        }
        for _ in 0..<20 {
          let pid = try await client.diagnostics.echo(text: "while leaving", payload: []).worker?.pid
          #expect(pid == staying.processIdentifier)
        }
        var finished: [Int32: Int] = [:]
        for try await pid in group { finished[pid, default: 0] += 1 }
        #expect(finished[leaving.processIdentifier] == 4, "the leaving worker finished \(finished)")
      }
    }
    leaving.waitUntilExit()
    #expect(leaving.terminationReason == .exit && leaving.terminationStatus == 0)
  }

  @Test func healthWatchFollowsWorkersComingAndGoing() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    try await Task.sleep(for: .milliseconds(300))
    let statuses = StatusCollector()
    try await cluster.withClient { client in
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          try await client.health.watch(service: DiagnosticsService.name) { status in
            await statuses.add(status)
            if await statuses.values.count == 3 { throw CancellationError() }
          }
        }
        try await statuses.waitFor(count: 1)
        let worker = try cluster.startWorker()
        try await statuses.waitFor(count: 2)
        cluster.kill9(worker)
        try await statuses.waitFor(count: 3)
        group.cancelAll()
      }
    }
    #expect(await statuses.values == [.notServing, .serving, .notServing])
  }

  @Test func aModuleWithNoWorkerAnswersUnavailable() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator(["--attach-wait-ms", "300"])
    try await Task.sleep(for: .milliseconds(500))
    try await cluster.withClient { client in
      do {
        _ = try await client.diagnostics.echo(text: "anyone?", payload: [])
        Issue.record("expected UNAVAILABLE")
      } catch let error as ReformError {
        #expect(error.code == .unavailable)
        #expect(error.message.contains("diagnostics"))
      }
      #expect(try await client.health.check(service: DiagnosticsService.name) == .notServing)
      #expect(try await client.health.check(service: "") == .serving)
    }
  }

  @Test func waitingCallsGetUnavailableWhenTheLastWorkerGoes() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator(["--attach-wait-ms", "500"])
    let only = try cluster.startWorker(capacity: 1)
    try await cluster.waitForWorkers(1)
    let codes = try await cluster.withClient { client in
      try await withThrowingTaskGroup(of: ReformError.Code?.self) { group in
        for _ in 0..<3 {
          group.addTask {
            do {
              _ = try await client.call(DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 5000))
              return nil
            } catch let error as ReformError { return error.code }
          }
        }
        try await cluster.waitUntilBusy(only)
        cluster.kill9(only)
        var codes: [ReformError.Code?] = []
        for try await code in group { codes.append(code) }
        return codes
      }
    }
    #expect(codes == [.unavailable, .unavailable, .unavailable], "\(codes)")
  }

  @Test func aFullQueueAnswersResourceExhausted() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator(["--queue-capacity", "4"])
    try cluster.startWorker(capacity: 1)
    try await cluster.waitForWorkers(1)
    let codes = try await cluster.withClient { client in
      try await withThrowingTaskGroup(of: ReformError.Code?.self) { group in
        for _ in 0..<12 {
          group.addTask {
            do {
              _ = try await client.call(DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 400))
              return nil
            } catch let error as ReformError { return error.code }
          }
        }
        var codes: [ReformError.Code?] = []
        for try await code in group { codes.append(code) }
        return codes
      }
    }
    #expect(codes.filter { $0 == nil }.count == 5, "one running and four queued succeed: \(codes)")
    #expect(codes.filter { $0 == .resourceExhausted }.count == 7)
  }

  @Test func badInputNamesTheFieldAndLeavesTheWorkerUp() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    let worker = try cluster.startWorker()
    try await cluster.waitForWorkers(1)
    try await cluster.withClient { client in
      do {
        _ = try await client.call(DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: -5))
        Issue.record("expected INVALID_ARGUMENT")
      } catch let error as ReformError {
        #expect(error.code == .invalidArgument)
        #expect(error.message.hasPrefix("duration_ms"))
      }
      do {
        _ = try await client.call(DiagnosticsService.Tally.self, DiagnosticsTallyRequest(key: "../../etc/passwd"))
        Issue.record("expected INVALID_ARGUMENT")
      } catch let error as ReformError {
        #expect(error.code == .invalidArgument)
        #expect(error.message.hasPrefix("key"))
      }
    }
    #expect(worker.isRunning)
  }

  @Test func aRequestOverFourMebibytesReachesTheWorkerWithoutDetachingIt() async throws {
    let cluster = try await Cluster.withOneWorker()
    try await cluster.withClient { client in
      let attached = try await client.admin.listWorkers(module: "diagnostics").workers.map(\.workerId)
      do {
        let key = String(repeating: "k", count: 5 * 1024 * 1024)
        _ = try await client.call(DiagnosticsService.GetTally.self, DiagnosticsGetTallyRequest(key: key), timeout: .seconds(30))
        Issue.record("expected INVALID_ARGUMENT")
      } catch let error as ReformError {
        #expect(error.code == .invalidArgument, "\(error)")
        #expect(error.message.hasPrefix("key:"))
      }
      #expect(try await client.admin.listWorkers(module: "diagnostics").workers.map(\.workerId) == attached)
    }
  }

  @Test func aStatusMessageQuotingAMegabyteIsCutToItsBeginningAndEnd() async throws {
    let cluster = try await Cluster.withOneWorker()
    let message = "text: " + String(repeating: "Lai Châu ", count: 120_000) + "is too long"
    try await cluster.withClient { client in
      do {
        _ = try await client.call(DiagnosticsService.Fail.self, DiagnosticsFailRequest(code: 3, message: message))
        Issue.record("expected INVALID_ARGUMENT")
      } catch let error as ReformError {
        #expect(error.code == .invalidArgument, "\(error)")
        #expect(error.message.utf8.count < 1100)
        #expect(error.message.hasPrefix("text: Lai Châu"))
        #expect(error.message.hasSuffix("Lai Châu is too long"))
        #expect(error.message.contains("bytes left out"))
      }
    }
  }

  @Test func anIdleStreamWhoseCallerGoesAwayStopsInTheWorker() async throws {
    let cluster = try await Cluster.withOneWorker()
    struct Enough: Error {}
    try await cluster.withClient { client in
      // The first item comes at once, the next a minute later: only the caller going away can
      // end the job in between.
      let request = DiagnosticsStreamItemsRequest(itemCount: 10, intervalMs: 60_000)
      _ = try? await client.stream(DiagnosticsService.StreamItems.self, request) { _ in throw Enough() }
      let deadline = ContinuousClock.now + .seconds(10)
      while try await client.admin.listWorkers(module: "diagnostics").workers.first?.inFlight != 0 {
        guard ContinuousClock.now < deadline else {
          Issue.record("the stream's job still runs in the worker 10 s after its caller went away")
          return
        }
        try await Task.sleep(for: .milliseconds(100))
      }
      #expect(try await client.admin.listJobs(module: "diagnostics").jobs.isEmpty)
    }
  }

  @Test func aCallWhoseWorkersKeepGoingAwayFailsAfterThreeOfThem() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    let first = try cluster.startWorker()
    try await cluster.waitForWorkers(1)
    let failure = try await cluster.withClient { client in
      try await withThrowingTaskGroup(of: ReformError?.self) { group in
        group.addTask {
          do {
            _ = try await client.call(
              DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 60_000), timeout: .seconds(120))
            return nil
          } catch let error as ReformError {
            return error
          }
        }
        var worker = first
        for attempt in 1...3 {
          try await cluster.waitUntilBusy(worker)
          cluster.kill9(worker)
          if attempt < 3 { worker = try cluster.startWorker() }
        }
        return try await group.next() ?? nil
      }
    }
    #expect(failure?.code == .unavailable)
    #expect(failure?.message.contains("each of the 3 workers it was given went away") == true, "\(String(describing: failure))")
  }
}

/// Collects health statuses as a watch delivers them.
actor StatusCollector {
  private(set) var values: [HealthCheckResponse.ServingStatus] = []
  func add(_ value: HealthCheckResponse.ServingStatus) { values.append(value) }

  /// Waits up to 30 s: a coordinator that has just started on a loaded two-core machine may
  /// take seconds to answer its first watch.
  func waitFor(count: Int) async throws {
    for _ in 0..<600 where values.count < count { try await Task.sleep(for: .milliseconds(50)) }
    if values.count < count { throw ClusterError(description: "only \(values) after 30 s") }
  }
}

/// Collects stream items from a `@Sendable` callback.
actor ItemCollector {
  private(set) var values: [Int32] = []
  func add(_ value: Int32) { values.append(value) }
}
