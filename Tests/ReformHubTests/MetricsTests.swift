import Foundation
import ReformClient
import ReformMetrics
import ReformSecurity
import ReformWire
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Prometheus metrics from real processes: a coordinator and a worker each serve theirs on a
/// loopback HTTP listener apart from gRPC, scraped as Prometheus would.
@Suite struct MetricsTests {
  @Test func theCoordinatorAndAWorkerCountCallsByMethodAndStatus() async throws {
    let cluster = try Cluster()
    let coordinatorPort = try FreePort.find()
    let workerPort = try FreePort.find()
    try cluster.startCoordinator(["--metrics-listen", "127.0.0.1:\(coordinatorPort)"])
    try cluster.startWorker(extra: ["--metrics-listen", "\(workerPort)"])
    try await cluster.waitForWorkers(1)
    try await cluster.withClient { client in
      for index in 0..<3 {
        _ = try await client.call(DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "lần \(index)"))
      }
      do {
        _ = try await client.call(DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: -5))
        Issue.record("expected INVALID_ARGUMENT")
      } catch let error as ReformError {
        #expect(error.code == .invalidArgument)
      }
    }
    do {
      _ = try await ReformClient.connect(to: cluster.address, token: "rf_not-a-token") { client in
        try await client.call(DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "no"))
      }
      Issue.record("expected UNAUTHENTICATED")
    } catch let error as ReformError {
      #expect(error.code == .unauthenticated)
    }

    // The gauges are set once a second.
    try await Task.sleep(for: .milliseconds(1500))
    let (coordinator, contentType) = try await Self.scrape(port: coordinatorPort)
    #expect(contentType.hasPrefix("text/plain; version=0.0.4"), "\(contentType)")
    let echo = #"service="reform.v1.Diagnostics",method="Echo""#
    #expect(Self.value(coordinator, #"reform_rpc_calls_total{\#(echo),code="OK"}"#) == 3, "\(coordinator)")
    #expect(Self.value(coordinator, #"reform_rpc_calls_total{\#(echo),code="UNAUTHENTICATED"}"#) == 1)
    #expect(
      Self.value(coordinator, #"reform_rpc_calls_total{service="reform.v1.Diagnostics",method="Sleep",code="INVALID_ARGUMENT"}"#) == 1)
    #expect(Self.value(coordinator, #"reform_rpc_duration_seconds_count{\#(echo)}"#) == 4)
    #expect(Self.value(coordinator, #"reform_workers{module="diagnostics",state="attached"}"#) == 1)
    #expect(Self.value(coordinator, #"reform_workers{module="registry",state="attached"}"#) == 0)
    #expect(Self.value(coordinator, #"reform_queue_depth{module="diagnostics"}"#) == 0)
    #expect(Self.value(coordinator, #"reform_queue_oldest_age_seconds{module="exchange"}"#) == 0)
    #expect((Self.value(coordinator, "process_resident_memory_bytes") ?? 0) > 1_000_000)

    let (worker, _) = try await Self.scrape(port: workerPort)
    let job = #"module="diagnostics",method="/reform.v1.Diagnostics/Echo""#
    #expect(Self.value(worker, #"reform_worker_jobs_total{\#(job),code="OK"}"#) == 3, "\(worker)")
    #expect(
      Self.value(worker, #"reform_worker_jobs_total{module="diagnostics",method="/reform.v1.Diagnostics/Sleep",code="INVALID_ARGUMENT"}"#) == 1)
    #expect(Self.value(worker, #"reform_worker_job_duration_seconds_count{\#(job)}"#) == 3)
    #expect(Self.value(worker, #"reform_worker_jobs_in_flight{module="diagnostics"}"#) == 0)
    #expect((Self.value(worker, "process_resident_memory_bytes") ?? 0) > 1_000_000)

    // Prometheus's own linter finds nothing to say: help, names, suffixes, types and units as
    // Prometheus expects. Every family served is in the catalogue.
    for exposition in [coordinator, worker] {
      let problems = try Self.lint(exposition)
      #expect(problems.isEmpty, "\(problems)")
      let families = exposition.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] }
      #expect(!families.isEmpty)
      for family in families { #expect(MetricCatalogue.help[String(family)] != nil, "\(family) is not in the catalogue") }
    }
  }

  /// Every series the dashboard and the alert rules query is one Reform exports.
  @Test func theDashboardAndTheAlertsNameOnlyExportedMetrics() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let dashboard = try Data(contentsOf: root.appendingPathComponent("Deploy/grafana/reform-dashboard.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: dashboard) as? [String: Any])
    var expressions: [String] = []
    func collect(_ value: Any) {
      if let object = value as? [String: Any] {
        for (key, inner) in object { if key == "expr" || key == "query", let text = inner as? String { expressions.append(text) } else { collect(inner) } }
      } else if let array = value as? [Any] {
        array.forEach(collect)
      }
    }
    collect(json)
    #expect(expressions.count >= 10, "\(expressions.count) expressions")
    let alerts = try String(contentsOf: root.appendingPathComponent("Deploy/prometheus/reform-alerts.yml"), encoding: .utf8)
    let named = (expressions + [alerts]).flatMap { text in
      text.matches(of: /\b(reform|process)_[a-z_]+\b/).map { String($0.output.0) }
    }
    #expect(Set(named).count >= 10)
    for name in Set(named) {
      let family = ["_bucket", "_count", "_sum"].first { name.hasSuffix($0) }.map { String(name.dropLast($0.count)) } ?? name
      #expect(MetricCatalogue.help[family] != nil, "\(name) is queried but not exported")
    }
  }

  @Test func upServesTheCoordinatorsMetricsAndEachWorkersOnTheNextPorts() async throws {
    let first = try FreePort.findRun(of: 6)
    let up = try UpProcess(extra: ["--metrics-listen", "127.0.0.1:\(first)"])
    defer { up.stop() }
    _ = try await up.lines.waitFor(prefix: "ready", count: 1, limit: .seconds(60))
    let token = try TokenFile.read(from: up.directory + "/admin.token")
    _ = try await ReformClient.connect(to: up.address, token: token) { client in
      try await client.call(RegistryService.ListPeople.self, ListPeopleRequest())
    }
    try await Task.sleep(for: .milliseconds(1500))
    let (coordinator, _) = try await Self.scrape(port: first)
    for module in ["diagnostics", "registry", "classification", "exchange", "inspection"] {
      #expect(Self.value(coordinator, #"reform_workers{module="\#(module)",state="attached"}"#) == 1, "\(module)")
    }
    // The registry worker, second after the coordinator, has read its store for the call.
    let (registry, _) = try await Self.scrape(port: first + 2)
    #expect((Self.value(registry, #"reform_store_operation_duration_seconds_count{store="registry",engine="sqlite"}"#) ?? 0) >= 1, "\(registry)")
    #expect(
      Self.value(registry, #"reform_worker_jobs_total{module="registry",method="/reform.v1.Registry/ListPeople",code="OK"}"#) == 1)
    let (inspection, _) = try await Self.scrape(port: first + 5)
    #expect((Self.value(inspection, "process_resident_memory_bytes") ?? 0) > 0)
  }

  @Test func aMetricsListenerOffLoopbackNeedsTheExplicitFlag() throws {
    let refused = try ChildProcess.run(
      Cluster.reformd, ["coordinator", "--listen", "unix:/tmp/reform-metrics-\(getpid()).sock", "--data", NSTemporaryDirectory() + "reform-metrics-\(getpid())",
        "--metrics-listen", "0.0.0.0:9464"])
    #expect(refused.status != 0)
    #expect(refused.output.contains("--metrics-listen: 0.0.0.0 is not a loopback address"), "\(refused.output)")
    #expect(refused.output.contains("--metrics-public"))
  }

  @Test(arguments: [
    ("9464", "127.0.0.1:9464"), ("localhost:80", "localhost:80"), ("[::1]:9464", "[::1]:9464"),
    ("127.0.0.2:1", "127.0.0.2:1"),
  ])
  func addressesOnLoopbackAreAccepted(text: String, parsed: String) throws {
    #expect(try MetricsAddress(parsing: text).description == parsed)
  }

  @Test(arguments: ["", ":", "0", "65536", "host:", ":9464", "127.0.0.1:-1", "127.0.0.1:9464x", "[::1]9464", "::1:9464", "1.2.3.4:99999"])
  func malformedAddressesAreRefused(text: String) {
    #expect(throws: MetricsAddressError.malformed(text)) { try MetricsAddress(parsing: text) }
  }

  @Test func otherAddressesNeedTheExplicitFlag() throws {
    #expect(throws: MetricsAddressError.notLoopback("10.0.0.1")) { try MetricsAddress(parsing: "10.0.0.1:9464") }
    #expect(throws: MetricsAddressError.notLoopback("::")) { try MetricsAddress(parsing: "[::]:9464") }
    #expect(try MetricsAddress(parsing: "0.0.0.0:9464", allowPublic: true).description == "0.0.0.0:9464")
  }

  /// The body and content type of `GET /metrics`.
  static func scrape(port: Int) async throws -> (String, String) {
    let url = try #require(URL(string: "http://127.0.0.1:\(port)/metrics"))
    let (data, response) = try await URLSession.shared.data(from: url)
    let http = try #require(response as? HTTPURLResponse)
    #expect(http.statusCode == 200)
    return (String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type") ?? "")
  }

  /// What `promtool check metrics` says of an exposition, one problem a line.
  static func lint(_ exposition: String) throws -> [String] {
    let file = NSTemporaryDirectory() + "reform-metrics-\(UUID().uuidString).txt"
    try exposition.write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let run = try ChildProcess.run("/bin/sh", ["-c", "promtool check metrics < '\(file)'"])
    #expect(!run.output.contains("not found"), "promtool is needed (Deploy/test installs it): \(run.output)")
    return run.output.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }

  /// The value of the sample whose name and labels are exactly `series`.
  static func value(_ exposition: String, _ series: String) -> Double? {
    for line in exposition.split(separator: "\n") where line.hasPrefix(series + " ") {
      return Double(line.dropFirst(series.count + 1))
    }
    return nil
  }
}
