import Foundation
import ReformClient
import ReformSecurity
import Testing

/// Bad input into every method of every service, from a client not written in Swift: Python's
/// grpcio runs `Tests/Interop/bad_input.py` against `reformd up --demo` — random bytes,
/// truncated and malformed messages, absurd values, megabyte strings, deep nesting and a
/// request over the size limit. Every answer must be a status a caller can act on, and every
/// process `up` started must still be the one serving: a restart is a crash.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct BadInputTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func everyMethodAnswersBadInputWithAStatusAndNoProcessDies() async throws {
    let directory = "/tmp/reform-bad-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let port = try FreePort.find()
    let address = "127.0.0.1:\(port)"
    let lines = LineReader()
    let up = Process()
    up.executableURL = URL(fileURLWithPath: Cluster.reformd)
    up.arguments = ["up", "--data", directory, "--listen", address, "--demo", "--log-level", "warning"]
    // `--demo` finds Deploy/demo under the current folder.
    up.currentDirectoryURL = Self.root
    let output = Pipe()
    up.standardOutput = output
    output.fileHandleForReading.readabilityHandler = { handle in lines.append(handle.availableData) }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let log = directory + "/up.log"
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    up.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    try up.run()
    defer { if up.isRunning { kill(up.processIdentifier, SIGKILL) } }

    _ = try await lines.waitFor(prefix: "ready", count: 1, limit: .seconds(60))
    let token = try TokenFile.read(from: directory + "/admin.token")
    let before = try await Self.processes(at: address, token: token)
    #expect(before.workers.keys.sorted() == ["classification", "diagnostics", "exchange", "inspection", "registry"])

    let (status, report) = try Self.runScript(address: address, token: token)
    print(report)
    #expect(status == 0, "bad_input.py found unacceptable answers:\n\(report)")

    let after = try await Self.processes(at: address, token: token)
    #expect(up.isRunning, "reformd up stopped")
    #expect(after.coordinator == before.coordinator, "the coordinator was restarted: \(before.coordinator) → \(after.coordinator)")
    let upLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    #expect(after.workers == before.workers, "workers restarted: \(before.workers) → \(after.workers)\n\(upLog)")
    for pid in [before.coordinator] + Array(before.workers.values) {
      #expect(kill(pid, 0) == 0, "process \(pid) is gone")
    }

    // Nothing the bad input started may hold the coordinator up: an abandoned watch ends.
    kill(up.processIdentifier, SIGTERM)
    up.waitUntilExit()
    let stopped = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    #expect(!stopped.contains("did not stop in time"), "\(stopped)")
  }

  /// The coordinator's pid and each module's worker pid.
  static func processes(at address: String, token: String) async throws -> (coordinator: Int32, workers: [String: Int32]) {
    try await ReformClient.connect(to: address, token: token) { client in
      let coordinator = try await client.admin.status().coordinator?.pid ?? 0
      let workers = try await client.admin.listWorkers(module: "").workers
      return (coordinator, Dictionary(workers.map { ($0.module, $0.pid) }, uniquingKeysWith: { first, _ in first }))
    }
  }

  /// Runs the script to its end; its exit status and everything it printed.
  static func runScript(address: String, token: String) throws -> (Int32, String) {
    let script = root.appendingPathComponent("Tests/Interop/bad_input.py").path
    let output = Pipe()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, address]
    process.environment = ProcessInfo.processInfo.environment.merging(["REFORM_TOKEN": token]) { $1 }
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }
}
