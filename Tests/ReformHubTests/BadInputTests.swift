import Foundation
import ReformClient
import Testing

/// Bad input into every method of every service, from a client not written in Swift: Python's
/// grpcio runs `Tests/Interop/bad_input.py` against `reformd up --demo` — random bytes,
/// truncated and malformed messages, every field of every request set in turn to each extreme
/// of its type (made from the schema), megabyte strings, deep nesting and a request over the
/// size limit. Every answer must be a status a caller can act on, and every
/// process `up` started must still be the one serving: a restart is a crash.
@Suite(.serialized, .timeLimit(.minutes(15)))
struct BadInputTests {
  @Test func everyMethodAnswersBadInputWithAStatusAndNoProcessDies() async throws {
    let system = try await DemoSystem.start(name: "bad")
    defer { try? FileManager.default.removeItem(atPath: system.directory) }
    defer { if system.process.isRunning { kill(system.process.processIdentifier, SIGKILL) } }
    let before = try await system.processes()
    #expect(before.workers.keys.sorted() == ["classification", "diagnostics", "exchange", "inspection", "registry"])

    let (status, report) = try DemoSystem.runPython(
      "bad_input.py", arguments: [system.address], environment: ["REFORM_TOKEN": system.adminToken])
    print(report)
    #expect(status == 0, "bad_input.py found unacceptable answers:\n\(report)")

    let after = try await system.processes()
    #expect(system.process.isRunning, "reformd up stopped")
    #expect(after.coordinator == before.coordinator, "the coordinator was restarted: \(before.coordinator) → \(after.coordinator)")
    #expect(after.workers == before.workers, "workers restarted: \(before.workers) → \(after.workers)\n\(system.upLog)")
    for pid in [before.coordinator] + Array(before.workers.values) {
      #expect(kill(pid, 0) == 0, "process \(pid) is gone")
    }
    // A normal call still succeeds afterwards.
    let echoed = try await ReformClient.connect(to: system.address, token: system.adminToken) { client in
      try await client.diagnostics.echo(text: "Lai Châu").text
    }
    #expect(echoed == "Lai Châu")

    // Nothing the bad input started may hold the coordinator up: an abandoned watch ends.
    kill(system.process.processIdentifier, SIGTERM)
    system.process.waitUntilExit()
    #expect(!system.upLog.contains("did not stop in time"), "\(system.upLog)")
  }
}
