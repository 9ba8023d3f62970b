import Foundation
import Logging
import ReformClient
import ReformHub
import ReformSecurity
import ReformWire
import ServiceLifecycle

/// Keeps `reformd up`'s child processes running: starts them, restarts one that dies with
/// backoff, says `ready` when every module has a worker attached, and on shutdown stops them
/// all (SIGTERM, then SIGKILL after a grace period) before returning.
struct Supervisor: Service {
  struct ChildSpec: Sendable {
    var name: String
    var executable: String
    var arguments: [String]
  }

  let children: [ChildSpec]
  let modules: [String]
  let probe: ReformAddress
  /// The admin token the coordinator writes; the readiness probe lists workers with it.
  let tokenFile: String
  let announce: String
  /// Runs once, the first time every module is attached, before `ready` is printed.
  var onFirstReady: (@Sendable (ReformClient) async -> Void)?
  let logger: Logger

  func run() async throws {
    let state = SupervisorState(logger: logger)
    for child in children { await state.start(child) }
    await withGracefulShutdownHandler {
      await watchReadiness()
    } onGracefulShutdown: {
      Task { await state.stopAll() }
    }
    await state.stopAll()
    await state.waitUntilAllExited()
    logger.info("stopped")
  }

  /// Polls the coordinator's worker list over one connection (it reconnects by itself when
  /// the coordinator restarts); prints `ready` each time every module has an attached worker
  /// and the attached workers differ from those of the last `ready` — so a restarted worker
  /// is announced even when it re-attached between two polls.
  private func watchReadiness() async {
    // The coordinator writes the admin token when it first starts.
    var token: String?
    while token == nil, !Task.isCancelled, !Task.isShuttingDownGracefully {
      token = try? TokenFile.read(from: tokenFile)
      if token == nil { try? await Task.sleep(for: .milliseconds(200)) }
    }
    guard let token else { return }
    do {
      try await ReformClient.connect(to: probe.description, token: token) { client in
        var wasReady = false
        var firstReadyDone = false
        var announced: Set<String> = []
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
          let attached = try? await client.admin.listWorkers(module: "", timeout: .seconds(1)).workers
            .filter { $0.state == .attached }
          let ready = attached.map { Set($0.map(\.module)) }.map { modules.allSatisfy($0.contains) } ?? false
          let workers = Set((attached ?? []).map(\.workerId))
          if ready && !firstReadyDone {
            firstReadyDone = true
            await onFirstReady?(client)
          }
          if ready && workers != announced {
            announced = workers
            FileHandle.standardOutput.write(Data("ready \(announce)\n".utf8))
          } else if !ready && wasReady {
            logger.warning("not ready: a module has no attached worker")
          }
          wasReady = ready
          try? await Task.sleep(for: .milliseconds(200))
        }
      }
    } catch {
      logger.error("the readiness probe stopped: \(error)")
    }
  }
}

/// The child processes and their restarts.
actor SupervisorState {
  private var processes: [String: Process] = [:]
  private var failures: [String: Int] = [:]
  private var stopping = false
  private let logger: Logger

  init(logger: Logger) { self.logger = logger }

  func start(_ spec: Supervisor.ChildSpec) {
    guard !stopping else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: spec.executable)
    process.arguments = spec.arguments
    let started = ContinuousClock.now
    process.terminationHandler = { [weak self] process in
      let status = process.terminationStatus
      let reason = process.terminationReason == .uncaughtSignal ? "signal \(status)" : "status \(status)"
      Task { await self?.exited(spec, reason: reason, after: ContinuousClock.now - started) }
    }
    do {
      try process.run()
      processes[spec.name] = process
      logger.info("started \(spec.name)", metadata: ["pid": "\(process.processIdentifier)"])
    } catch {
      logger.error("could not start \(spec.name): \(error)")
    }
  }

  private func exited(_ spec: Supervisor.ChildSpec, reason: String, after uptime: Duration) async {
    processes[spec.name] = nil
    guard !stopping else { return }
    // Backoff grows with failures in a row; a child that ran for a minute starts over.
    let count = uptime > .seconds(60) ? 1 : failures[spec.name, default: 0] + 1
    failures[spec.name] = count
    let delay = Duration.milliseconds(min(100 * (1 << min(count - 1, 6)), 5_000))
    logger.warning("\(spec.name) exited (\(reason)); restarting in \(delay)")
    try? await Task.sleep(for: delay)
    start(spec)
  }

  /// Asks every child to stop, and kills those still running after ten seconds.
  func stopAll() async {
    guard !stopping else { return }
    stopping = true
    for (name, process) in processes {
      logger.info("stopping \(name)")
      kill(process.processIdentifier, SIGTERM)
    }
    let deadline = ContinuousClock.now + .seconds(10)
    while processes.values.contains(where: \.isRunning), ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(50))
    }
    for (name, process) in processes where process.isRunning {
      logger.warning("\(name) did not stop in time; killing it")
      kill(process.processIdentifier, SIGKILL)
    }
  }

  func waitUntilAllExited() async {
    while processes.values.contains(where: \.isRunning) {
      try? await Task.sleep(for: .milliseconds(50))
    }
  }
}
