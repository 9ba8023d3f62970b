import Foundation
import ReformClient
import ReformWire
import Testing

/// The database killed in the middle of a load and started again, with every Reform process
/// left running: no acknowledged send is lost or stored twice, the calls in between answer
/// `UNAVAILABLE` (and are repeated with their idempotency keys), and sends go through again
/// within ten seconds of the server's return.
///
/// The test runs a PostgreSQL cluster of its own (`Deploy/postgres-scratch`) so that killing it
/// touches no other test; it is skipped where no test server is configured, as the other
/// PostgreSQL tests are.
@Suite(
  .serialized, .timeLimit(.minutes(10)),
  .enabled(if: ExchangeBloc.registryIsHosted, "this reformd hosts no registry module yet"),
  .enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
struct PostgresOutageTests {
  @Test
  func killingTheDatabaseMidLoadLosesAndRepeatsNothingAndServiceReturnsWithinTenSeconds() async throws {
    let server = try ScratchPostgres()
    defer { server.stop() }
    let bloc = try await ExchangeBloc.start(database: server.url, exchangeWorkers: 2)
    let processes = [bloc.cluster.coordinator].compactMap { $0 } + bloc.cluster.workers
    let pids = processes.map(\.processIdentifier)
    let receiver = ExchangeBloc.receivers[0]
    let lanes = 4
    let perLane = 150
    let ledger = SendLedger()
    let (outage, recovery, retriedDuringOutage) = try await bloc.cluster.withClient { client in
      try await withThrowingTaskGroup(of: Void.self) { group in
        for lane in 0..<lanes {
          let sender = ExchangeBloc.senders[lane]
          group.addTask {
            try await ledger.reportingFailure {
              for index in 1...perLane {
                let request = ExchangeBloc.send(
                  number: lane * 10_000 + index, from: sender, to: [receiver], key: "\(bloc.run)-\(lane)-\(index)")
                await ledger.record(
                  try await ExchangeBloc.sendUntilAcknowledged(request, client: client, ledger: ledger), from: sender.code)
              }
            }
          }
        }
        try await ledger.waitFor(acknowledged: 100)
        let killed = ContinuousClock.now
        try server.run("kill")
        let retriesAtKill = await ledger.retries
        // Down long enough for every lane to be refused at least once.
        try await ledger.waitFor(retries: retriesAtKill + lanes)
        let acknowledgedWhileDown = await ledger.responses.count
        try await Task.sleep(for: .seconds(2))
        let retried = await ledger.retries - retriesAtKill
        try server.run("restart")
        let restarted = ContinuousClock.now
        try await ledger.waitFor(acknowledged: acknowledgedWhileDown + lanes)
        let recovery = ContinuousClock.now - restarted
        try await group.waitForAll()
        return (restarted - killed, recovery, retried)
      }
    }

    #expect(recovery < .seconds(10), "sends went through again \(recovery) after the server's return")
    #expect(retriedDuringOutage >= lanes, "the outage refused too few calls: \(retriedDuringOutage)")
    let running = processes.allSatisfy(\.isRunning)
    #expect(running, "a Reform process died with the database")
    #expect(processes.map(\.processIdentifier) == pids)
    let acknowledged = await ledger.responses
    #expect(acknowledged.count == lanes * perLane)
    try await bloc.cluster.withClient { client in
      let inbox = try await ExchangeBloc.inbox(of: receiver.code, client: client)
      let stored = inbox.compactMap { $0.document?.documentId }
      #expect(stored.count == lanes * perLane, "stored \(stored.count) copies for \(lanes * perLane) acknowledged sends")
      #expect(Set(stored) == Set(acknowledged.compactMap { $0.response.document?.documentId }))
      #expect(inbox.compactMap { $0.delivery?.arrivalNumber }.sorted() == Array(1...Int64(lanes * perLane)))
    }
    print(
      "PostgreSQL killed mid-load: down \(outage), \(retriedDuringOutage) calls refused UNAVAILABLE and repeated meanwhile, "
        + "sends through again \(recovery) after its return; \(acknowledged.count) sends, none lost or doubled")
  }
}

/// A PostgreSQL cluster of the test's own, started with `Deploy/postgres-scratch`.
private struct ScratchPostgres {
  let folder: String
  let url: String
  private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Deploy/postgres-scratch").path

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-outage-\(UUID().uuidString.prefix(8))").path
    url = try Self.script(["start", folder]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `Deploy/postgres-scratch COMMAND` on this cluster.
  func run(_ command: String) throws {
    _ = try Self.script([command, folder])
  }

  func stop() {
    _ = try? Self.script(["stop", folder])
  }

  /// Runs the script through the shell with its output in a file, and waits for it with
  /// `waitpid` (in `system`): the server it starts outlives it and must hold nothing the test
  /// waits on.
  private static func script(_ arguments: [String]) throws -> String {
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("pg-script-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    let command = ([script] + arguments).map { "'\($0)'" }.joined(separator: " ") + " > '\(outputPath)' < /dev/null"
    let status = system(command)
    guard status == 0 else {
      throw ClusterError(description: "Deploy/postgres-scratch \(arguments.joined(separator: " ")) exited with status \(status)")
    }
    return try String(contentsOfFile: outputPath, encoding: .utf8)
  }
}
