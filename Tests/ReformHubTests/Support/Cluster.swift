import Foundation
import ReformClient
import ReformModuleTesting
import ReformSecurity
import ReformWire
import Testing

/// Real `reformd` processes for a test: a coordinator on a Unix socket in a fresh folder, and
/// workers attached to it. Everything it started is killed when the test ends.
final class Cluster: @unchecked Sendable {
  let directory: String
  let socket: String
  private(set) var coordinator: Process?
  private(set) var workers: [Process] = []

  /// The `reformd` executable the build made beside the tests.
  static let reformd: String = {
    if let path = ProcessInfo.processInfo.environment["REFORMD"] { return path }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/reformd").path
  }()

  /// The address clients use.
  var address: String { "unix:\(socket)" }

  init() throws {
    // Unix socket paths are limited to about 100 bytes: keep the folder short.
    directory = "/tmp/reform-test-\(UUID().uuidString.prefix(8))"
    socket = directory + "/reform.sock"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    // The secret exists before any process starts, as `reformd up` makes sure.
    try TokenFile.write(TokenSecret.generate().plaintext, to: directory + "/worker.secret")
  }

  /// The first admin token, which the coordinator writes to the data folder.
  var adminToken: String {
    get throws { try TokenFile.read(from: directory + "/admin.token") }
  }

  deinit {
    for process in workers + [coordinator].compactMap({ $0 }) where process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// A coordinator with `extra` options and one diagnostics worker attached to it: the cluster
  /// most tests need.
  static func withOneWorker(coordinator extra: [String] = []) async throws -> Cluster {
    let cluster = try Cluster()
    try cluster.startCoordinator(extra)
    try cluster.startWorker()
    try await cluster.waitForWorkers(1)
    return cluster
  }

  /// Starts the coordinator on the cluster's socket, with extra options.
  @discardableResult
  func startCoordinator(_ extra: [String] = []) throws -> Process {
    let process = try launch(
      ["coordinator", "--listen", address, "--data", directory, "--log-level", "warning"] + extra, log: "coordinator")
    coordinator = process
    return process
  }

  /// Starts one worker of the module.
  @discardableResult
  func startWorker(module: String = "diagnostics", capacity: Int = 64, extra: [String] = []) throws -> Process {
    let process = try launch(
      ["worker", "--module", module, "--coordinator", address, "--data", directory, "--capacity", "\(capacity)", "--log-level", "warning"]
        + extra,
      log: "worker-\(workers.count)")
    workers.append(process)
    return process
  }

  /// Starts worker `index` of the module as on another host: a data folder of its own, the
  /// cluster's worker secret and service token read as that host's copies, and the module's
  /// state in the PostgreSQL database `database`.
  @discardableResult
  func startWorkerOnAnotherHost(module: String, index: Int, database: String) throws -> Process {
    try startWorker(
      module: module,
      extra: [
        "--data", directory + "/\(module)-host-\(index)", "--secret-file", directory + "/worker.secret",
        "--service-token-file", directory + "/service.token", "--database-url", database,
      ])
  }

  /// A new, empty database on the test server and a running coordinator whose service token is
  /// written: ready for workers started on that database as on other hosts.
  static func startedForSharedDatabase() async throws -> (cluster: Cluster, database: String) {
    let database = try #require(try await TestStore.freshDatabaseURL())
    let cluster = try Cluster()
    try cluster.startCoordinator()
    try await cluster.waitForServiceToken()
    return (cluster, database)
  }

  /// Waits until the coordinator has written the modules' service token, which a worker reads
  /// when it starts.
  func waitForServiceToken() async throws {
    while !FileManager.default.fileExists(atPath: directory + "/service.token") {
      try await Task.sleep(for: .milliseconds(20))
    }
  }

  private func launch(_ arguments: [String], log: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.reformd)
    process.arguments = arguments
    let logPath = "\(directory)/\(log).log"
    _ = FileManager.default.createFile(atPath: logPath, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
    handle.seekToEndOfFile()
    process.standardError = handle
    process.standardOutput = handle
    try process.run()
    return process
  }

  /// Everything the cluster's processes logged so far.
  func logs() throws -> String {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".log") }
      .map { try String(contentsOfFile: directory + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
  }

  /// Waits until `count` workers (of any module) are attached, or fails after `limit`: a
  /// minute, since at the start of a parallel run every suite starts its processes at once.
  func waitForWorkers(_ count: Int, limit: Duration = .seconds(60)) async throws {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      guard let token = try? adminToken else {
        try await Task.sleep(for: .milliseconds(100))
        continue
      }
      let attached = try? await ReformClient.connect(to: address, token: token) { client in
        try await client.admin.listWorkers(module: "").workers.filter { $0.state == .attached }.count
      }
      if attached == count { return }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw ClusterError(description: "\(count) workers did not attach within \(limit); logs in \(directory)")
  }

  /// Waits until the worker process has at least `inFlight` jobs running, so that a kill or
  /// a drain lands mid-call. Polls on a connection of its own, so that the poll does not queue
  /// behind the load the caller's client is sending.
  func waitUntilBusy(_ worker: Process, inFlight: Int32 = 1, limit: Duration = .seconds(30)) async throws {
    let deadline = ContinuousClock.now + limit
    let seen = try await ReformClient.connect(to: address, token: try adminToken) { poller in
      var seen = "not listed"
      while ContinuousClock.now < deadline {
        let workers = try await poller.admin.listWorkers(module: "").workers
        guard let entry = workers.first(where: { $0.pid == worker.processIdentifier }) else {
          seen = "not listed among \(workers.count) workers"
          try await Task.sleep(for: .milliseconds(10))
          continue
        }
        if entry.inFlight >= inFlight { return nil as String? }
        seen = "\(entry.inFlight) jobs (state \(entry.state), \(entry.done) done)"
        try await Task.sleep(for: .milliseconds(10))
      }
      return seen
    }
    if let seen {
      throw ClusterError(description: "worker \(worker.processIdentifier) had \(seen), not \(inFlight) in flight, within \(limit)")
    }
  }

  /// `kill -9`, then reaps the process.
  func kill9(_ process: Process) {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Runs `body` with a client connected to the coordinator, once the coordinator has
  /// written its admin token (within 30 s of starting, however loaded the machine).
  func withClient<R: Sendable>(_ body: @Sendable (ReformClient) async throws -> R) async throws -> R {
    let deadline = ContinuousClock.now + .seconds(30)
    // The token is written before the coordinator binds its socket: wait for both.
    while (try? adminToken) == nil || !FileManager.default.fileExists(atPath: socket), ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(50))
    }
    return try await ReformClient.connect(to: address, token: try adminToken, body)
  }
}

struct ClusterError: Error, CustomStringConvertible {
  var description: String
}
