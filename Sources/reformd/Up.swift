import ArgumentParser
import Foundation
import Logging
import ReformClient
import ReformHub
import ReformMetrics
import ReformSecurity
import ServiceLifecycle

/// `reformd up`: the embedded default on one machine — a coordinator and one worker per
/// module as child processes, over a Unix socket in the data folder, supervised.
struct Up: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a coordinator and one worker per module on this machine, supervised.",
    discussion: """
      Clients connect on every --listen endpoint (loopback only) and on unix:DATA/reform.sock.
      The web console is served at http://127.0.0.1:7421/console (--web-listen; --no-web for none).
      A line beginning with `ready` is printed once every module has a worker attached, and
      again after a restart. A worker or coordinator that dies is restarted with backoff.
      Ctrl-C or SIGTERM stops everything and leaves no process behind.
      """
  )

  @OptionGroup var server: ServerOptions

  @Option(help: "A TCP endpoint for clients, HOST:PORT on loopback. Repeat for several.")
  var listen: [String] = ["127.0.0.1:7420"]

  @Flag(help: "Load the demo data set once (from Deploy/demo) when the data folder is new.")
  var demo = false

  @Option(help: "Jobs each worker runs at once.")
  var capacity: Int = 64

  @Option(help: "Serve Prometheus metrics: the coordinator at this loopback HOST:PORT (or PORT), the workers of diagnostics, registry, classification, exchange and inspection on the five ports after it. Off unless given.")
  var metricsListen: String?

  @OptionGroup(title: "Tracing (the coordinator and every worker send their spans there)")
  var tracing: TracingOptions

  @Option(help: "Serve the web console here: PORT (on 127.0.0.1), HOST:PORT or [IPv6]:PORT.")
  var webListen: String = WebOptions.defaultAddress

  @Flag(help: "Allow --web-listen on an address other than loopback (the console serves no TLS).")
  var webPublic = false

  @Flag(help: "Do not start the web console.")
  var noWeb = false

  @OptionGroup(title: "Store (the coordinator's tokens and audit log, and the modules that can keep their state in PostgreSQL, use it; the others their SQLite files)")
  var database: DatabaseOptions

  func run() async throws {
    server.bootstrapLogging()
    let databaseSettings = try database.settings()
    let logger = Logger(label: "reform.up")
    let data = URL(fileURLWithPath: server.data).standardizedFileURL.path
    try DataFolder.create(data)
    let endpoints = try listen.map(ReformAddress.init)
    for endpoint in endpoints where !endpoint.isLocal || endpoint.unixPath != nil {
      throw ValidationError("--listen \(endpoint): `up` serves TCP on loopback only (the Unix socket is DATA/reform.sock)")
    }
    // Made before the children start, so a worker never starts without its secret or the
    // modules' service token.
    _ = try Bootstrap.workerSecret(at: data + "/worker.secret")
    let tokens = try TokenStore(
      store: databaseSettings.map { .postgres($0) } ?? .sqlite(path: data + "/coordinator.sqlite"))
    _ = try await Bootstrap.adminToken(at: data + "/admin.token", store: tokens)
    _ = try await Bootstrap.serviceToken(at: data + "/service.token", store: tokens)
    let otlp = try tracing.endpoint().map { ["--otlp-endpoint", $0.description] } ?? []
    let web = noWeb
      ? nil : try WebOptions.address(webListen, flag: "--web-listen", allowPublic: webPublic, publicFlag: "--web-public")
    let metricsPorts = try metricsListen.map { try Self.metricsAddresses($0, count: 1 + ModuleHost.available.count) }
    let socket = ReformAddress.unix(data + "/reform.sock")
    let executable = try Self.executablePath()
    let parent = "\(getpid())"
    let common = ["--data", data, "--log-level", server.logLevel.rawValue, "--parent-pid", parent]
    let store = database.databaseUrl.map { url in
      ["--database-url", url] + (database.databasePasswordFile.map { ["--database-password-file", $0] } ?? [])
    } ?? []
    var children = [
      Supervisor.ChildSpec(
        name: "coordinator", executable: executable,
        arguments: ["coordinator"] + (endpoints + [socket]).flatMap { ["--listen", $0.description] } + store + common + otlp
          + (metricsPorts.map { ["--metrics-listen", $0[0]] } ?? []))
    ]
    for (index, module) in ModuleHost.available.enumerated() {
      let store = ModuleHost.onPostgres.contains(module) ? store : []
      children.append(Supervisor.ChildSpec(
        name: "worker \(module)", executable: executable,
        arguments: ["worker", "--module", module, "--coordinator", socket.description, "--capacity", "\(capacity)"] + store
          + common + otlp + (metricsPorts.map { ["--metrics-listen", $0[index + 1]] } ?? [])))
    }
    if let web {
      children.append(Supervisor.ChildSpec(
        name: "web", executable: executable,
        arguments: ["web", "--listen", web.description, "--coordinator", socket.description] + (webPublic ? ["--listen-public"] : [])
          + common))
    }
    var demoLoader: DemoLoader?
    if demo {
      guard ModuleHost.available.contains("registry") else {
        throw ValidationError("--demo: this build hosts no registry module to load the demo into")
      }
      guard let directory = DemoLoader.locate(executable: executable) else {
        throw ValidationError("--demo: no Deploy/demo folder under the current folder or beside this build")
      }
      demoLoader = DemoLoader(directory: directory, marker: data + "/demo.loaded", logger: logger)
    }
    var onFirstReady: (@Sendable (ReformClient) async -> Void)?
    if let demoLoader {
      onFirstReady = { client in await demoLoader.loadOnce(with: client) }
    }
    let supervisor = Supervisor(
      children: children, modules: ModuleHost.available, probe: socket, tokenFile: data + "/admin.token",
      announce: (endpoints + [socket]).map(\.description).joined(separator: " "), onFirstReady: onFirstReady,
      logger: logger)
    let group = ServiceGroup(services: [supervisor], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    try await group.run()
  }

  /// `count` metrics addresses from `first` on: the same host, consecutive ports, on loopback.
  static func metricsAddresses(_ first: String, count: Int) throws -> [String] {
    let address: MetricsAddress
    do {
      address = try MetricsAddress(parsing: first)
    } catch {
      throw ValidationError(error.description)
    }
    guard address.port + count - 1 <= 65_535 else {
      throw ValidationError("--metrics-listen \(address): `up` needs \(count) ports from \(address.port) on")
    }
    return (0..<count).map { MetricsAddress(host: address.host, port: address.port + $0).description }
  }

  static func executablePath() throws -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    guard let path = Bundle.main.executablePath else { throw ValidationError("cannot find reformd's own executable") }
    return path
  }
}
