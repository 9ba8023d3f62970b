import Foundation
import ReformClient
import ReformKit
import ReformWire

/// `reform-bench soak`: the load against `reformd up --demo` while faults are injected at
/// random, then the invariants against what the load was told.
///
///     reform-bench soak [--minutes 10] [--faults 30] [--rate 40] [--concurrency 16]
///       [--warmup 120] [--data DIR] [--port P] [--seed N] [--summary FILE] [--memory-growth 20]
///
/// Faults are spread evenly over the soak with jitter, each after every module is attached
/// again: `kill -9` of a random worker, of the coordinator, or of the exchange worker while
/// it serves watches (mid-stream). Right after each kill, and again once every module has a
/// worker, `reformctl status` is run and its output kept in DATA/status.log, so an operator's view of workers going and coming back is on
/// record. Resident sizes are taken after the warm-up (long enough for the modules' caches to
/// fill) and at the end, after as long again without faults. The summary goes to stdout and
/// to `--summary`.
enum SoakCommand {
  struct Options {
    var minutes = 10.0
    var faults = 30
    var rate = 40.0
    var concurrency = 16
    var warmup = 120.0
    var data = "/tmp/reform-soak"
    var port = 7440 + Int(getpid() % 500)
    var seed: UInt64 = 1
    var summary: String?
    /// How much a process's resident size may grow, percent, from after the warm-up to the end.
    var memoryGrowth = 20.0

    init(_ arguments: [String]) throws {
      var reader = OptionReader(arguments)
      while let option = reader.nextOption() {
        switch option {
        case "--minutes": minutes = try reader.number()
        case "--faults": faults = Int(try reader.number())
        case "--rate": rate = try reader.number()
        case "--concurrency": concurrency = Int(try reader.number())
        case "--warmup": warmup = try reader.number()
        case "--data": data = try reader.value()
        case "--port": port = Int(try reader.number())
        case "--seed": seed = UInt64(try reader.number())
        case "--summary": summary = try reader.value()
        case "--memory-growth": memoryGrowth = try reader.number()
        default: throw BenchmarkFailure(description: "unknown option \(option)")
        }
      }
    }
  }

  enum Fault: String, CaseIterable {
    case worker = "kill -9 of a worker"
    case coordinator = "kill -9 of the coordinator"
    case midStream = "kill -9 of the exchange worker mid-stream"
  }

  static func run(_ arguments: [String]) async throws {
    let options = try Options(arguments)
    defer { fflush(nil) }
    print("reform-bench soak: \(options.minutes) min, \(options.faults) faults, load \(options.rate)/s over \(options.concurrency) lanes, data \(options.data)")
    let system = try await SoakSystem.start(folder: options.data, port: options.port)
    let (lines, failed) = try await ReformClient.connect(to: system.socket, token: try system.token) { client in
      try await soak(client, system: system, options: options)
    }
    if let path = options.summary {
      try lines.joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    if failed { exit(1) }
  }

  /// The soak on a ready system; the summary's lines (also printed) and whether it failed.
  private static func soak(_ client: ReformClient, system: SoakSystem, options: Options) async throws -> ([String], Bool) {
    let started = Date()
    var lines: [String] = []
    func say(_ line: String) {
      print(line)
      fflush(nil)
      lines.append(line)
    }
    let bloc = try await LoadBloc.prepare(client) { say("prepare: \($0)") }
    let book = LoadBook()
    let ledger = LoadLedger()
    let load = LoadRun(
      client: client, bloc: bloc, book: book, ledger: ledger, rate: options.rate, concurrency: options.concurrency, seed: options.seed)
    let running = Task { await load.run() }
    let timeline = Timeline(system: system, client: client)
    let watching = Task { await timeline.follow() }

    try await Task.sleep(for: .seconds(options.warmup))
    let warm = system.members()
    await book.reset()

    // The faults.
    var random = SplitMix64(seed: options.seed)
    var injected: [(Fault, String)] = []
    var unrecovered = 0
    let interval = options.minutes * 60 / Double(max(options.faults, 1))
    let soakStart = ContinuousClock.now
    for number in 0..<options.faults {
      let due = soakStart + .seconds(interval * (Double(number) + 0.5 + (Double(random.scaledIndex(1000)) / 1000 - 0.5) * 0.6))
      if due > .now { try await Task.sleep(until: due) }
      if !(await system.waitUntilReady(client)) { unrecovered += 1 }
      let fault = Fault.allCases[[0, 0, 0, 1, 2][random.scaledIndex(5)]]
      guard let victim = await victim(fault, system: system, client: client, random: &random) else { continue }
      kill(victim.pid, SIGKILL)
      injected.append((fault, victim.role))
      await timeline.note("fault \(injected.count): \(fault.rawValue) (\(victim.role), pid \(victim.pid))")
      await timeline.note("reformctl status right after fault \(injected.count):\n" + system.status())
      if await system.waitUntilReady(client) {
        await timeline.note("reformctl status once every module has a worker again:\n" + system.status())
      }
    }
    let soakEnd = soakStart + .seconds(options.minutes * 60)
    if soakEnd > .now { try await Task.sleep(until: soakEnd) }
    if !(await system.waitUntilReady(client)) { unrecovered += 1 }
    let faultWindow = await book.table()
    let (calls, perSecond, errors) = await book.totals()

    // As long again as the warm-up with no fault, then the resident sizes.
    try await Task.sleep(for: .seconds(options.warmup))
    let end = system.members()

    await load.control.stop(grace: .seconds(60))
    try await waitForWatches(bloc: bloc, ledger: ledger, client: client)
    await load.control.stopWatches()
    await running.value
    watching.cancel()
    _ = await system.waitUntilReady(client)

    say("\nfaults injected: \(injected.count) (\(Fault.allCases.map { kind in "\(injected.filter { $0.0 == kind }.count) \(kind.rawValue)" }.joined(separator: ", ")))")
    for (role, count) in Dictionary(injected.map { ($0.1, 1) }, uniquingKeysWith: +).sorted(by: { $0.key < $1.key }) {
      say("  \(role): \(count)")
    }
    say("system not ready again within 60 s of a fault: \(unrecovered) times")
    let (gone, back) = await timeline.goneAndBack()
    say("reformctl status / ListWorkers during the soak: a module seen without a worker \(gone) times, back \(back) times (DATA/status.log)")
    say("\nload during the faults: \(calls) calls, \(String(format: "%.1f", perSecond)) calls/s; errors by status: \(errors.isEmpty ? "none" : errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    say(faultWindow)

    say("\ninvariants:")
    var invariants = try await SoakInvariants.check(client, bloc: bloc, ledger: ledger)
    invariants.append(memory(warm: warm, end: end, growth: options.memoryGrowth))
    let members = system.members()
    let expected = 2 + SoakSystem.modules.count
    invariants.append(
      SoakInvariant(
        name: "no process leaked while running", held: members.count == expected,
        detail: "\(members.count) processes of this data folder (up, coordinator, \(SoakSystem.modules.count) workers expected)"))
    let left = await system.stop()
    invariants.append(
      SoakInvariant(
        name: "no process left after up stops", held: left.isEmpty,
        detail: left.isEmpty ? "SIGTERM to up left none" : left.map { "\($0.role) \($0.pid)" }.joined(separator: ", ")))
    for invariant in invariants {
      say("  \(invariant.held ? "held  " : "BROKEN") \(invariant.name): \(invariant.detail)")
    }
    let failed = invariants.contains { !$0.held } || injected.count < options.faults
    say("\nsoak \(failed ? "FAILED" : "passed"): \(injected.count) faults in \(String(format: "%.1f", Date().timeIntervalSince(started) / 60)) min, every invariant \(failed ? "not held" : "held")")
    try (await timeline.lines).joined(separator: "\n").write(toFile: system.folder + "/status.log", atomically: true, encoding: .utf8)
    return (lines, failed)
  }

  /// The process the fault kills: for the mid-stream fault, the exchange worker once it has a
  /// call in its hands.
  private static func victim(_ fault: Fault, system: SoakSystem, client: ReformClient, random: inout SplitMix64) async
    -> SoakSystem.Member?
  {
    let members = system.members()
    switch fault {
    case .coordinator:
      return members.first { $0.role == "coordinator" }
    case .worker:
      let workers = members.filter { $0.role.hasPrefix("worker") }
      return workers.isEmpty ? nil : workers[random.scaledIndex(workers.count)]
    case .midStream:
      for _ in 0..<50 {
        let workers = try? await client.call(AdminService.ListWorkers.self, AdminListWorkersRequest(module: "exchange"), timeout: .seconds(5))
        if let busy = workers?.workers.first(where: { $0.inFlight > 0 }) {
          return SoakSystem.Member(pid: busy.pid, role: "worker exchange (mid-stream)", residentBytes: 0)
        }
        try? await Task.sleep(for: .milliseconds(100))
      }
      return members.first { $0.role == "worker exchange" }
    }
  }

  /// Waits (at most 60 s) for each watch to have delivered everything in its inbox.
  private static func waitForWatches(bloc: LoadBloc, ledger: LoadLedger, client: ReformClient) async throws {
    let deadline = ContinuousClock.now + .seconds(60)
    for receiver in bloc.receivers {
      while ContinuousClock.now < deadline {
        let stored = try? await client.call(
          ExchangeService.ListInbox.self, ExchangeListInboxRequest(page: PageRequest(pageSize: 1), unitCode: receiver.code),
          timeout: .seconds(10))
        let total = Int(stored?.page?.totalCount ?? 0)
        if await ledger.watchedCount(receiver.code) >= total { break }
        try await Task.sleep(for: .milliseconds(200))
      }
    }
  }

  /// Resident size after the warm-up and at the end: the system's total may not grow by more
  /// than `growth` percent, nor may any process that ran the whole soak without a restart (same
  /// PID at both readings). A process restarted by a fault is a new process with its own
  /// warm-up, so it counts in the total only; each role's figures are printed.
  private static func memory(warm: [SoakSystem.Member], end: [SoakSystem.Member], growth: Double) -> SoakInvariant {
    func megabytes(_ bytes: Int64) -> String { "\(bytes / 1_048_576)" }
    func grew(_ before: Int64, _ after: Int64) -> Bool { before > 0 && Double(after) > Double(before) * (1 + growth / 100) }
    let endByPID = Dictionary(end.map { ($0.pid, $0) }, uniquingKeysWith: { first, _ in first })
    var figures: [String] = []
    var grown: [String] = []
    for before in warm {
      let after = end.first { $0.role == before.role }
      let survived = endByPID[before.pid] != nil
      figures.append(
        "\(before.role) \(megabytes(before.residentBytes))→\(megabytes(after?.residentBytes ?? 0)) MB\(survived ? "" : " (restarted)")")
      if survived, let after, grew(before.residentBytes, after.residentBytes) { grown.append(before.role) }
    }
    let total = (warm.map(\.residentBytes).reduce(0, +), end.map(\.residentBytes).reduce(0, +))
    if grew(total.0, total.1) { grown.append("the total") }
    return SoakInvariant(
      name: "memory flat (resident size at the end within \(Int(growth))% of after warm-up)", held: grown.isEmpty,
      detail: "total \(megabytes(total.0))→\(megabytes(total.1)) MB; " + figures.joined(separator: ", ")
        + (grown.isEmpty ? "" : "; grew more than \(Int(growth))%: \(grown.joined(separator: ", "))"))
  }
}

/// The operator's view during the soak: which modules have a worker, polled twice a second,
/// with each change and each note timestamped.
actor Timeline {
  private let system: SoakSystem
  private let client: ReformClient
  private(set) var lines: [String] = []
  private var gone = 0
  private var back = 0

  init(system: SoakSystem, client: ReformClient) {
    self.system = system
    self.client = client
  }

  func follow() async {
    var last = Set(SoakSystem.modules)
    while !Task.isCancelled {
      let now = await system.attachedModules(client)
      if now != last {
        let missing = Set(SoakSystem.modules).subtracting(now)
        if missing.count > Set(SoakSystem.modules).subtracting(last).count { gone += 1 }
        if missing.isEmpty { back += 1 }
        note(missing.isEmpty ? "every module has a worker again" : "no worker: \(missing.sorted().joined(separator: ", "))")
        last = now
      }
      try? await Task.sleep(for: .milliseconds(500))
    }
  }

  func note(_ text: String) {
    lines.append("\(Date().formatted(.iso8601)) \(text)")
  }

  func goneAndBack() -> (Int, Int) { (gone, back) }
}
