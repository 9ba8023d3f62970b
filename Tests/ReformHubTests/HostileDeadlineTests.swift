import Foundation
import ReformClient
import ReformWire
import Testing

/// Deadlines a caller writes in `grpc-timeout`, through a real coordinator and worker: the
/// two values that used to kill them, and the operator's `--max-deadline`. The processes
/// must be the same ones afterwards.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct HostileDeadlineTests {
  /// 3,000,000 hours is legal (8 digits) and about 342 years: the worker that took the job
  /// trapped turning it into nanoseconds.
  @Test func aLegalThreeMillionHourTimeoutAnswersAndKillsNoWorker() async throws {
    try await expectCallSurvives(timeout: "3000000H")
  }

  /// 16 digits of hours overflowed the coordinator's own arithmetic, for any caller with a
  /// valid token.
  @Test func aSixteenDigitHourTimeoutAnswersAndKillsNoCoordinator() async throws {
    try await expectCallSurvives(timeout: "9999999999999999H")
  }

  /// grpc-swift 2.4.3 itself traps on a negative amount before any handler runs, for any
  /// caller, token or not: the coordinator drops the value first.
  @Test func aNegativeTimeoutAnswersAndKillsNoCoordinator() async throws {
    try await expectCallSurvives(timeout: "-1S")
  }

  @Test func maxDeadlineEndsACallThatAsksForMore() async throws {
    let cluster = try await Cluster.withOneWorker(coordinator: ["--max-deadline", "1"])
    try await cluster.withClient { client in
      for header in [[("grpc-timeout", "1H")], []] {
        let started = ContinuousClock.now
        do {
          _ = try await client.call(
            DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 10_000), metadata: header)
          Issue.record("a 10 s sleep under --max-deadline 1 finished (grpc-timeout \(header))")
        } catch let error as ReformError {
          #expect(error.code == .deadlineExceeded, "\(error)")
        }
        // Well before the 10 s the sleep asks for; a loaded machine takes seconds to answer.
        #expect(ContinuousClock.now - started < .seconds(9))
      }
    }
  }

  @Test func maxDeadlineOutOfRangeIsRefusedAtStart() throws {
    let cluster = try Cluster()
    for value in ["0", "-5", "999999999999"] {
      let coordinator = try cluster.startCoordinator(["--max-deadline", value])
      coordinator.waitUntilExit()
      #expect(coordinator.terminationStatus != 0, "--max-deadline \(value) was accepted")
    }
    #expect(try cluster.logs().contains("--max-deadline"))
  }

  private func expectCallSurvives(timeout: String) async throws {
    let cluster = try Cluster()
    let coordinator = try cluster.startCoordinator()
    let worker = try cluster.startWorker()
    try await cluster.waitForWorkers(1)
    try await cluster.withClient { client in
      let echo = try await client.call(
        DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "grpc-timeout \(timeout)"),
        metadata: [("grpc-timeout", timeout)])
      #expect(echo.text == "grpc-timeout \(timeout)")
      #expect(echo.worker?.pid == worker.processIdentifier)
      // A second call: the first did not leave the worker or the coordinator broken.
      let again = try await client.diagnostics.echo(text: "again")
      #expect(again.worker?.pid == worker.processIdentifier)
      let status = try await client.admin.status()
      #expect(status.coordinator?.pid == coordinator.processIdentifier)
    }
    let logs = (try? cluster.logs()) ?? ""
    #expect(coordinator.isRunning, "the coordinator died: \(logs)")
    #expect(worker.isRunning, "the worker died: \(logs)")
  }
}
