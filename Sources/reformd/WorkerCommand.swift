import ArgumentParser
import Foundation
import ReformClient
import ReformCommandLine
import Classification
import Diagnostics
import Exchange
import Inspection
import Registry
import Logging
import ReformHub
import ReformModule
import ReformSecurity
import ReformStore
import ServiceLifecycle

/// `reformd worker`: hosts one module and attaches to a coordinator.
struct WorkerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker",
    abstract: "Host one module and serve the jobs a coordinator sends it.",
    discussion: "On SIGTERM the worker drains: it takes no new job, finishes those it has, and exits 0."
  )

  @OptionGroup var server: ServerOptions

  @OptionGroup(title: "Metrics")
  var metrics: MetricsOptions

  @OptionGroup(title: "Tracing")
  var tracing: TracingOptions

  @Option(help: "The module to host: \(ModuleHost.available.joined(separator: ", ")).")
  var module: String

  @Option(help: "The coordinator's endpoint: HOST:PORT or unix:PATH.")
  var coordinator: String = "127.0.0.1:7420"

  @Option(help: "Jobs to run at once.")
  var capacity: Int = 64

  @Option(help: "The worker secret's file, mode 0600 (default DATA/worker.secret).")
  var secretFile: String?

  @Option(help: "The modules' service token, with which this module reads other modules' data (default DATA/service.token, read when first needed; until it exists, such reads answer UNAVAILABLE).")
  var serviceTokenFile: String?

  @OptionGroup(title: "TLS")
  var tlsOptions: ClientTLSOptions

  @Flag(help: "Allow plaintext to a coordinator that is not on loopback or a Unix socket (logged as a warning).")
  var insecure = false

  @OptionGroup(title: "Store")
  var database: DatabaseOptions

  func run() async throws {
    server.bootstrapLogging()
    let logger = Logger(label: "reform.worker.\(module)")
    let metricsServices = try metrics.services(logger: logger)
    let tracingServices = try tracing.services(serviceName: "reform-worker-\(module)", logger: logger)
    guard capacity > 0 else { throw ValidationError("--capacity must be at least 1") }
    let databaseSettings = try database.settings()
    var address = try ReformAddress(coordinator)
    let tls = try tlsOptions.resolved()
    // Loopback is what the name resolves to, not how it is spelt (`127.evil.example`); in
    // plaintext the worker then dials that very address.
    let loopback = (try? ReformClient.parseAddress(coordinator))?.pinnedToLoopback
    if tls == nil, let loopback { address = try ReformAddress(loopback.description) }
    if loopback == nil && tls == nil {
      guard insecure else {
        throw ValidationError("--coordinator \(address): plaintext is allowed to loopback and Unix sockets only; give --tls (or --tls-ca), or pass --insecure to dial it unencrypted anyway")
      }
      logger.warning("dialling the coordinator in plaintext because of --insecure", metadata: ["coordinator": "\(address)"])
    }
    try DataFolder.create(server.data)
    // With a client certificate the secret may be left out: the certificate stands in for it.
    let secretPath = secretFile ?? server.data + "/worker.secret"
    let secret = tls?.certificateFile != nil && secretFile == nil && !FileManager.default.fileExists(atPath: secretPath)
      ? "" : try TokenFile.read(from: secretPath)
    let servicePath = serviceTokenFile ?? server.data + "/service.token"
    let calls = CoordinatorCalls(coordinator: address, tokenFile: servicePath, tls: tls, insecure: insecure, logger: logger)
    let worker = Worker(
      module: try ModuleHost.make(module, data: server.data, database: databaseSettings, calls: calls),
      configuration: WorkerConfiguration(coordinator: address, secret: secret, capacity: capacity, tls: tls),
      logger: logger)
    // Services stop in reverse order: the exporter last, with the worker's last spans.
    let group = ServiceGroup(
      services: tracingServices + [worker] + metricsServices, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    ParentWatch.start(parent: server.parentPid, group: group)
    try await group.run()
  }
}

/// The modules this build can host.
enum ModuleHost {
  static let available = ["diagnostics", "registry", "classification", "exchange", "inspection"]

  /// The modules that can keep their state in PostgreSQL (`--database-url`).
  static let onPostgres = ["registry", "classification", "exchange", "inspection"]

  /// The module `name`, keeping its data under `data`, and its state in `database` when given;
  /// `calls` reach other modules.
  static func make(_ name: String, data: String, database: PostgresSettings? = nil, calls: (any ModuleCalls)?) throws
    -> any WorkerModule
  {
    if database != nil, !onPostgres.contains(name) {
      throw ValidationError(
        "--database-url: the \(name) module keeps its state in SQLite in this release; PostgreSQL is available for \(onPostgres.joined(separator: ", "))")
    }
    switch name {
    case "diagnostics": return try DiagnosticsModule(dataDirectory: data + "/diagnostics")
    case "registry":
      return try RegistryModule(
        store: database.map { .postgres($0) } ?? .sqlite(path: data + "/registry.sqlite"),
        exchangeCounts: calls.map { ModuleExchangeCounts(calls: $0) })
    case "classification":
      return try ClassificationModule(
        store: database.map { .postgres($0) } ?? .sqlite(path: data + "/classification.sqlite"),
        units: calls.map { RegistryUnitHierarchy(calls: $0) },
        people: calls.map { RegistryPersonUnits(calls: $0) })
    case "inspection":
      return try InspectionModule(
        store: database.map { .postgres($0) } ?? .sqlite(path: data + "/inspection.sqlite"),
        riskSource: calls.map { ModuleRiskSource(calls: $0) })
    case "exchange":
      return try ExchangeModule(
        store: database.map { .postgres($0) } ?? .sqlite(path: data + "/exchange.sqlite"), dataDirectory: data + "/exchange",
        units: calls.map { RegistryUnitDirectory(calls: $0) })
    default:
      throw ValidationError("--module \(name): this build hosts \(available.joined(separator: ", ")); other modules are not built yet")
    }
  }
}
