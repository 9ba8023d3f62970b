import Foundation
import ReformClient
import ReformWire

/// The system the soak runs and breaks: `reformd up --demo` in a fresh data folder, and the
/// processes under it, found through `/proc`.
final class SoakSystem: Sendable {
  let folder: String
  let up: Process
  let reformctl: String
  var socket: String { "unix:\(folder)/reform.sock" }

  static let modules = ["diagnostics", "registry", "classification", "exchange", "inspection"]

  /// Starts `reformd up --demo` in `folder` (emptied first) and waits for it to be ready and
  /// the demo loaded.
  static func start(folder: String, port: Int) async throws -> SoakSystem {
    let bin = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).deletingLastPathComponent()
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let up = Process()
    up.executableURL = bin.appendingPathComponent("reformd")
    up.arguments = ["up", "--data", folder, "--listen", "127.0.0.1:\(port)", "--demo", "--no-web", "--log-level", "warning"]
    FileManager.default.createFile(atPath: folder + "/up.out", contents: nil)
    FileManager.default.createFile(atPath: folder + "/up.log", contents: nil)
    up.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/up.out"))
    up.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/up.log"))
    try up.run()
    let system = SoakSystem(folder: folder, up: up, reformctl: bin.appendingPathComponent("reformctl").path)
    let deadline = ContinuousClock.now + .seconds(300)
    while ContinuousClock.now < deadline {
      let out = (try? String(contentsOfFile: folder + "/up.out", encoding: .utf8)) ?? ""
      if out.contains("ready"), FileManager.default.fileExists(atPath: folder + "/demo.loaded") { return system }
      guard up.isRunning else { throw BenchmarkFailure(description: "reformd up exited; see \(folder)/up.log") }
      try await Task.sleep(for: .milliseconds(200))
    }
    throw BenchmarkFailure(description: "reformd up was not ready with the demo loaded within 300 s")
  }

  private init(folder: String, up: Process, reformctl: String) {
    self.folder = folder
    self.up = up
    self.reformctl = reformctl
  }

  var token: String {
    get throws { try String(contentsOfFile: folder + "/admin.token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  /// A process of the system: `up`, `coordinator`, or a module's worker.
  struct Member: Sendable {
    var pid: Int32
    var role: String
    var residentBytes: Int64
  }

  /// Every process whose command line names the data folder, with its role and resident size.
  func members() -> [Member] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> Member? in
      guard let pid = Int32(entry),
        let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
      else { return nil }
      let words = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
      guard words.contains(folder), words.first?.hasSuffix("reformd") == true, words.count > 1 else { return nil }
      let role: String
      switch words[1] {
      case "up": role = "up"
      case "coordinator": role = "coordinator"
      case "worker": role = words.firstIndex(of: "--module").map { "worker \(words[$0 + 1])" } ?? "worker"
      default: return nil
      }
      return Member(pid: pid, role: role, residentBytes: Self.residentBytes(pid))
    }.sorted { $0.role < $1.role }
  }

  private static func residentBytes(_ pid: Int32) -> Int64 {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return 0 }
    return (Int64(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
  }

  /// Modules with an attached worker, as the coordinator lists them; empty when it cannot be asked.
  func attachedModules(_ client: ReformClient) async -> Set<String> {
    guard let workers = try? await client.call(AdminService.ListWorkers.self, AdminListWorkersRequest(), timeout: .seconds(5)) else {
      return []
    }
    return Set(workers.workers.filter { $0.state == .attached }.map(\.module))
  }

  /// Waits until every module has an attached worker; false after `limit`.
  func waitUntilReady(_ client: ReformClient, limit: Duration = .seconds(60)) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      if await attachedModules(client).isSuperset(of: Self.modules) { return true }
      try? await Task.sleep(for: .milliseconds(200))
    }
    return false
  }

  /// What `reformctl status` prints now, as an operator would see it.
  func status() -> String {
    let environment = ProcessInfo.processInfo.environment.merging(["REFORM_TOKEN": (try? token) ?? ""]) { $1 }
    guard
      let (_, output) = try? Process.output(
        reformctl, ["status", "--address", socket], environment: environment, standardError: .merged)
    else { return "reformctl could not start" }
    return String(decoding: output, as: UTF8.self)
  }

  /// Stops `up` with SIGTERM and waits for it; then the processes left behind, if any.
  func stop() async -> [Member] {
    kill(up.processIdentifier, SIGTERM)
    let deadline = ContinuousClock.now + .seconds(30)
    while up.isRunning, ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(100))
    }
    try? await Task.sleep(for: .milliseconds(500))
    return members()
  }
}
