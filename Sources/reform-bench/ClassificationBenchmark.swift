import ClassificationDomain
import Classification
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ReformWire

/// The year-end rating at the size of a large bloc: 100,000 people in 2,000 units
/// (``ClassificationPopulation/generated(people:units:seed:year:subjectKind:)``, rated under
/// 366-QĐ/TW).
///
/// (a) The engine alone, in this process: the median of three runs; the target is 1 s.
/// (b) End to end through the real coordinator: `reformd coordinator` and `reformd worker
/// --module classification` as child processes on a Unix socket in a fresh data folder; the
/// population is submitted with `Classification.SubmitEvaluations` in batches of 10,000
/// (collectives first), then rated by one FINAL `Classification.Run` over the whole bloc.
/// Submit, run and their total are printed; the target for the total is 5 s. The client is
/// grpc-swift-2 with the generated method descriptors and Reform's serializers — the calls
/// `ReformClient` makes — over the same Unix socket.
enum ClassificationBenchmark {
  static let people = 100_000
  static let units = 2_000
  static let batch = 10_000

  static func run() async throws {
    print("reform-bench classification: \(people.formatted()) people in \(units.formatted()) units, rule set 366-QD-TW")
    let population = ClassificationPopulation.generated(people: people, units: units, seed: 2025)
    try engineAlone(population)
    try await throughCoordinator(population)
  }

  /// (a) The engine on the population, three times; prints each and the median.
  private static func engineAlone(_ population: ClassificationPopulation) throws {
    let engine = try ClassificationEngine(ruleSet: .quyDinh366)
    var times: [Duration] = []
    var rated = 0
    for _ in 0..<3 {
      let start = ContinuousClock.now
      rated = try engine.run(population.input).ratings.count
      times.append(ContinuousClock.now - start)
    }
    let median = times.sorted()[1]
    print(
      "(a) engine alone: \(rated.formatted()) ratings; runs \(times.map(seconds).joined(separator: ", ")); "
        + "median \(seconds(median)) (target ≤ 1 s: \(median <= .seconds(1) ? "met" : "NOT met"))")
  }

  /// (b) Submit and a final run through `reformd coordinator` and one classification worker.
  private static func throughCoordinator(_ population: ClassificationPopulation) async throws {
    let folder = "/tmp/reform-bench-cls-\(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let own = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let reformd = URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("reformd").path
    let socket = folder + "/hub.sock"
    var children: [Process] = []
    defer {
      for child in children {
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
      }
      try? FileManager.default.removeItem(atPath: folder)
    }
    children.append(
      try Process.launch(reformd, ["coordinator", "--listen", "unix:\(socket)", "--data", folder, "--log-level", "error"]))
    let token = try await waitForFile(folder + "/admin.token")
    children.append(
      try Process.launch(
        reformd,
        ["worker", "--module", "classification", "--coordinator", "unix:\(socket)", "--data", folder, "--log-level", "error"]))
    let metadata: Metadata = ["authorization": "Bearer \(token)"]

    let batches = submissions(population, batch: batch, keyPrefix: "bench")
    let persons = population.input.persons
    let collectives = population.input.collectives

    let transport = try HTTP2ClientTransport.Posix(target: .unixDomainSocket(path: socket), transportSecurity: .plaintext)
    try await withGRPCClient(transport: transport) { client in
      try await waitForWorker(client, metadata: metadata)
      let clock = ContinuousClock()
      let start = clock.now
      for request in batches {
        let response = try await call(ClassificationService.SubmitEvaluations.self, request, client, metadata)
        guard response.applied else {
          throw BenchmarkFailure(description: "a batch was refused: \(response.errors.prefix(3).map(\.message))")
        }
      }
      let submitted = clock.now
      let run = try await call(
        ClassificationService.Run.self, ClassificationRunRequest(year: 2025, mode: .final, idempotencyKey: "bench-run"),
        client, metadata)
      let finished = clock.now
      let total = finished - start
      print(
        "(b) through the coordinator: submit \(persons.count.formatted()) people + \(collectives.count.formatted()) "
          + "collectives in \(batches.count) calls \(seconds(submitted - start)); final run "
          + "\(run.run?.ratedCount.formatted() ?? "0") rated, \(run.run?.quotaDemotions.formatted() ?? "0") demoted "
          + "\(seconds(finished - submitted)); total \(seconds(total)) (target ≤ 5 s: \(total <= .seconds(5) ? "met" : "NOT met"))")
    }
  }

  /// The population as a client submits it, in calls of `batch` evaluations (collectives
  /// first); each collective also names the unit above it.
  static func submissions(_ population: ClassificationPopulation, batch: Int, keyPrefix: String) -> [SubmitEvaluationsRequest] {
    let persons = population.input.persons.map(\.wire)
    let collectives = population.input.collectives.map { collective -> ReformWire.CollectiveEvaluation in
      var wire = collective.wire
      wire.parentUnitCode = population.units.parents[collective.unitCode] ?? ""
      return wire
    }
    var requests: [SubmitEvaluationsRequest] = []
    var pendingCollectives = collectives[...]
    var pendingPersons = persons[...]
    while !pendingCollectives.isEmpty || !pendingPersons.isEmpty {
      let someCollectives = pendingCollectives.prefix(batch)
      pendingCollectives = pendingCollectives.dropFirst(someCollectives.count)
      let somePersons = pendingPersons.prefix(batch - someCollectives.count)
      pendingPersons = pendingPersons.dropFirst(somePersons.count)
      requests.append(
        SubmitEvaluationsRequest(
          persons: Array(somePersons), collectives: Array(someCollectives),
          idempotencyKey: "\(keyPrefix)-\(requests.count + 1)"))
    }
    return requests
  }

  private static func call<M: WireMethod>(
    _ method: M.Type, _ request: M.Input, _ client: GRPCClient<HTTP2ClientTransport.Posix>, _ metadata: Metadata
  ) async throws -> M.Output {
    var options = CallOptions.defaults
    options.timeout = .seconds(600)
    return try await client.unary(
      request: ClientRequest(message: request, metadata: metadata), descriptor: M.descriptor, serializer: M.serializer,
      deserializer: M.deserializer, options: options
    ) { try $0.message }
  }

  /// Polls `Admin.ListWorkers` until the classification worker is attached.
  private static func waitForWorker(_ client: GRPCClient<HTTP2ClientTransport.Posix>, metadata: Metadata) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      let workers = try? await call(AdminService.ListWorkers.self, AdminListWorkersRequest(module: "classification"), client, metadata)
      if workers?.workers.contains(where: { $0.state == .attached }) == true { return }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw BenchmarkFailure(description: "no classification worker attached within 30 s")
  }

  /// The trimmed contents of `path` once the coordinator has written it.
  private static func waitForFile(_ path: String) async throws -> String {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      if let text = try? String(contentsOfFile: path, encoding: .utf8), !text.isEmpty {
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw BenchmarkFailure(description: "\(path) was not written within 30 s")
  }

  private static func seconds(_ duration: Duration) -> String {
    let (whole, atto) = duration.components
    return String(format: "%.3f s", Double(whole) + Double(atto) / 1e18)
  }
}

/// A benchmark that could not be taken, and why.
struct BenchmarkFailure: Error, CustomStringConvertible {
  var description: String
}
