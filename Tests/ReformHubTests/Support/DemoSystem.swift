import Foundation
import ReformClient
import ReformSecurity

/// `reformd up --demo` in a fresh data folder on a free loopback port, for the suites that
/// attack the whole system: the address, the admin token, the pids to compare before and
/// after, and the Python scripts of `Tests/Interop` run against it.
final class DemoSystem: @unchecked Sendable {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  let directory: String
  let address: String
  let adminToken: String
  let process: Process
  let log: String

  private init(directory: String, address: String, adminToken: String, process: Process, log: String) {
    self.directory = directory
    self.address = address
    self.adminToken = adminToken
    self.process = process
    self.log = log
  }

  /// Starts the system and waits for its `ready` line.
  static func start(name: String, extra: [String] = []) async throws -> DemoSystem {
    let directory = "/tmp/reform-\(name)-\(UUID().uuidString.prefix(8))"
    let address = "127.0.0.1:\(try FreePort.find())"
    let lines = LineReader()
    let up = Process()
    up.executableURL = URL(fileURLWithPath: Cluster.reformd)
    up.arguments = ["up", "--data", directory, "--listen", address, "--demo", "--log-level", "warning"]
      + (extra.contains("--web-listen") ? [] : ["--no-web"]) + extra
    // `--demo` finds Deploy/demo under the current folder.
    up.currentDirectoryURL = root
    let output = Pipe()
    up.standardOutput = output
    output.fileHandleForReading.readabilityHandler = { handle in lines.append(handle.availableData) }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let log = directory + "/up.log"
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    up.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    try up.run()
    do {
      // The demo loads every module before `ready`: a few minutes on a loaded machine.
      _ = try await lines.waitFor(prefix: "ready", count: 1, limit: .seconds(300))
      let token = try TokenFile.read(from: directory + "/admin.token")
      return DemoSystem(directory: directory, address: address, adminToken: token, process: up, log: log)
    } catch {
      kill(up.processIdentifier, SIGKILL)
      throw error
    }
  }

  /// The coordinator's pid and each module's worker pid: the same before and after an attack,
  /// or a process was restarted, which is a crash.
  func processes() async throws -> Pids {
    try await ReformClient.connect(to: address, token: adminToken) { client in
      let coordinator = try await client.admin.status().coordinator?.pid ?? 0
      let workers = try await client.admin.listWorkers(module: "").workers
      return Pids(coordinator: coordinator, workers: Dictionary(workers.map { ($0.module, $0.pid) }, uniquingKeysWith: { first, _ in first }))
    }
  }

  /// What `up` wrote to its standard error so far.
  var upLog: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

  /// Stops the system with SIGTERM and waits for it; the data folder is removed.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Runs `Tests/Interop/SCRIPT` with python3 to its end: its exit status and all it printed.
  static func runPython(_ script: String, arguments: [String], environment: [String: String]) throws -> (Int32, String) {
    let path = root.appendingPathComponent("Tests/Interop/\(script)").path
    let output = Pipe()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", path] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  /// The processes of a running system.
  struct Pids: Equatable, CustomStringConvertible {
    var coordinator: Int32
    var workers: [String: Int32]

    var description: String { "coordinator \(coordinator), workers \(workers.sorted { $0.key < $1.key })" }
  }
}
