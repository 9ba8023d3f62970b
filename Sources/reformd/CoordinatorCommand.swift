import Foundation
import ArgumentParser
import Logging
import ReformHub
import ReformSecurity
import ServiceLifecycle

/// `reformd coordinator`: the gRPC front door that workers attach to.
struct CoordinatorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coordinator",
    abstract: "Serve gRPC on every --listen endpoint and route module calls to attached workers."
  )

  @OptionGroup var server: ServerOptions

  @OptionGroup(title: "Metrics")
  var metrics: MetricsOptions

  @OptionGroup(title: "Tracing")
  var tracing: TracingOptions

  @Option(help: "An endpoint to serve on: HOST:PORT or unix:PATH. Repeat for several.")
  var listen: [String] = ["127.0.0.1:7420"]

  @Option(help: "Calls that may wait per module before new ones are refused with RESOURCE_EXHAUSTED.")
  var queueCapacity: Int = 4096

  @Option(help: "Milliseconds a call waits for a first worker of its module before UNAVAILABLE.")
  var attachWaitMs: Int = 10_000

  @Option(help: "Calls one client connection may have open at once.")
  var maxConcurrentStreams: Int = 4096

  @Option(help: "The largest request message accepted, in bytes; larger ones get RESOURCE_EXHAUSTED naming the limit.")
  var maxRequestBytes: Int = 64 * 1024 * 1024

  @Option(
    help: ArgumentHelp(
      "Seconds a call may run at most: a caller's grpc-timeout is clamped to it, and a call without one gets it (1 to \(Self.longestMaxDeadline)).",
      valueName: "seconds"))
  var maxDeadline: Int = Int(GRPCTimeout.defaultMaximum.components.seconds)

  /// The largest `--max-deadline`: ten years, so that a deadline stays a small number of
  /// seconds since 1970 in every form the coordinator and its workers keep it.
  static let longestMaxDeadline = 10 * 365 * 86_400

  @Option(
    help: ArgumentHelp(
      "Bytes of items a streaming job may have in flight between worker and caller before its handler waits for the caller to read (\(StreamLimitOptions.windowBytes.lowerBound) to \(StreamLimitOptions.windowBytes.upperBound)); one larger item still goes alone.",
      valueName: "bytes"))
  var streamWindowBytes: Int = StreamLimits().windowBytes

  @Option(
    help: ArgumentHelp(
      "Items a streaming job may have in flight between worker and caller (\(StreamLimitOptions.windowItems.lowerBound) to \(StreamLimitOptions.windowItems.upperBound)).",
      valueName: "items"))
  var streamWindowItems: Int = StreamLimits().windowItems

  @Option(help: "Server streams (watches, exports, attachments) one principal may have open at once; past it RESOURCE_EXHAUSTED.")
  var maxStreamsPerPrincipal: Int = StreamLimits().perPrincipal

  @Option(help: "Server streams one module may have open at once, over all callers; past it RESOURCE_EXHAUSTED. Streams do not use a worker's --capacity.")
  var maxStreamsPerModule: Int = StreamLimits().perModule

  @Option(help: "Calls a second each bearer token may make on average; 0 for no limit.")
  var rateLimit: Double = 10_000

  @Option(help: "Calls each bearer token may make in a burst.")
  var rateBurst: Double = 20_000

  @Option(help: "The SQLite file of bearer tokens (default DATA/coordinator.sqlite), unless --database-url is given.")
  var tokenStore: String?

  @Option(help: "The SQLite file of the audit log (default DATA/audit.sqlite), unless --database-url is given.")
  var auditLog: String?

  @OptionGroup(title: "Store (tokens and audit log in PostgreSQL, shared by the coordinators on it; revocations reach each within a second)")
  var database: DatabaseOptions

  @Option(help: "The host secret's file, mode 0600, made when missing: it admits workers of any module over a Unix socket of this coordinator only (default DATA/worker.secret).")
  var workerSecretFile: String?

  @OptionGroup(title: "Workers and failed calls")
  var security: SecurityOptions

  @Option(help: "Where a first admin token is written, mode 0600, when the file does not exist (default DATA/admin.token).")
  var adminTokenFile: String?

  @Option(help: "Where the modules' service token is written, mode 0600, when the file does not exist (default DATA/service.token).")
  var serviceTokenFile: String?

  @Option(help: ArgumentHelp("PEM certificate chain to serve TLS with on TCP endpoints.", valueName: "file"))
  var tlsCert: String?

  @Option(help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "file"))
  var tlsKey: String?

  @Option(help: ArgumentHelp("PEM certificate authority of client certificates: mutual TLS, a client certificate required on TCP endpoints.", valueName: "file"))
  var clientCa: String?

  @Flag(help: "Allow plaintext on addresses other than loopback and Unix sockets (logged as a warning).")
  var insecure = false

  /// The TLS configuration the options describe, checked; nil for plaintext.
  func serverTLS() throws -> ServerTLS? {
    guard tlsCert != nil || tlsKey != nil || clientCa != nil else { return nil }
    guard let tlsCert, let tlsKey else {
      throw ValidationError("--tls-cert and --tls-key go together\(clientCa != nil ? ", and --client-ca needs both" : "")")
    }
    for (option, path) in [("--tls-cert", tlsCert), ("--tls-key", tlsKey), ("--client-ca", clientCa ?? tlsCert)] {
      guard FileManager.default.isReadableFile(atPath: path) else { throw ValidationError("\(option) \(path): no such readable file") }
    }
    return ServerTLS(certificateChainFile: tlsCert, privateKeyFile: tlsKey, clientCAFile: clientCa)
  }

  func run() async throws {
    server.bootstrapLogging()
    let logger = Logger(label: "reform.coordinator")
    let metricsServices = try metrics.services(logger: logger)
    let tracingServices = try tracing.services(serviceName: "reform-coordinator", logger: logger)
    guard (1...Self.longestMaxDeadline).contains(maxDeadline) else {
      throw ValidationError("--max-deadline \(maxDeadline): give a number of seconds from 1 to \(Self.longestMaxDeadline)")
    }
    let streams = try StreamLimitOptions.checked(
      windowBytes: streamWindowBytes, windowItems: streamWindowItems, perPrincipal: maxStreamsPerPrincipal,
      perModule: maxStreamsPerModule)
    let endpoints = try listen.map(ReformAddress.init)
    let tls = try serverTLS()
    for endpoint in endpoints where !endpoint.isLocal && tls == nil {
      guard insecure else {
        throw ValidationError("--listen \(endpoint): plaintext is allowed on loopback and Unix sockets only; give --tls-cert and --tls-key, or pass --insecure to serve it unencrypted anyway")
      }
      logger.warning("serving plaintext on a non-loopback address because of --insecure", metadata: ["endpoint": "\(endpoint)"])
    }
    let databaseSettings = try database.settings()
    if databaseSettings != nil {
      for (option, value) in [("--token-store", tokenStore), ("--audit-log", auditLog)] where value != nil {
        throw ValidationError("\(option) names a SQLite file; with --database-url the tokens and the audit log are in the database")
      }
    }
    try DataFolder.create(server.data)
    let storePath = tokenStore ?? server.data + "/coordinator.sqlite"
    let workerSecret = try Bootstrap.workerSecret(at: workerSecretFile ?? server.data + "/worker.secret")
    let adminPath = adminTokenFile ?? server.data + "/admin.token"
    var configuration = CoordinatorConfiguration(
      listen: endpoints, tokenStorePath: storePath, workerSecret: workerSecret,
      auditLogPath: auditLog ?? server.data + "/audit.sqlite", queueCapacity: queueCapacity, attachWait: .milliseconds(attachWaitMs),
      maxRequestBytes: maxRequestBytes, maxDeadline: .seconds(maxDeadline), maxConcurrentStreams: maxConcurrentStreams,
      rateLimit: (rateLimit, rateBurst), tls: tls, streams: streams
    ).with(try security.configuration(data: server.data))
    configuration.database = databaseSettings
    let tokens = try TokenStore(store: configuration.tokenStore)
    if try await Bootstrap.adminToken(at: adminPath, store: tokens) {
      logger.notice("wrote a first admin token", metadata: ["file": "\(adminPath)"])
    }
    _ = try await Bootstrap.serviceToken(at: serviceTokenFile ?? server.data + "/service.token", store: tokens)
    let coordinator = Coordinator(configuration: configuration, logger: logger)
    // Services stop in reverse order: the exporter last, with the coordinator's last spans.
    let group = ServiceGroup(
      services: tracingServices + [coordinator] + metricsServices, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    ParentWatch.start(parent: server.parentPid, group: group)
    try await group.run()
  }
}
