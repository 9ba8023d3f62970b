import ArgumentParser
import Logging
import ReformClient
import ReformCommandLine
import ReformMetrics
import ReformWeb
import ServiceLifecycle

/// `reformd web`: the web front, the console's pages over HTTP, calling a coordinator as each
/// signed-in user.
struct WebCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "web",
    abstract: "Serve the web console at http://ADDRESS/console, calling the coordinator as each signed-in user.",
    discussion: """
      Users sign in with a Reform token (`reformctl tokens create`); the console keeps it on the
      server for the session and makes every call with it, so the coordinator decides what each
      user sees. Sessions live in memory: 30 minutes idle, 8 hours at most.
      """
  )

  @OptionGroup var server: ServerOptions

  @Option(help: "Serve the console at this address: PORT (on 127.0.0.1), HOST:PORT or [IPv6]:PORT.")
  var listen: String = WebOptions.defaultAddress

  @Flag(help: "Allow --listen on an address other than loopback (the console itself serves no TLS: put a TLS proxy in front, and pass --secure-cookies).")
  var listenPublic = false

  @Flag(help: "Mark the session cookie Secure: the console is reached over HTTPS through a proxy.")
  var secureCookies = false

  @Option(help: "The coordinator's endpoint: HOST:PORT or unix:PATH.")
  var coordinator: String = "127.0.0.1:7420"

  @OptionGroup(title: "TLS to the coordinator")
  var tlsOptions: ClientTLSOptions

  func run() async throws {
    server.bootstrapLogging()
    let logger = Logger(label: "reform.web")
    let address = try WebOptions.address(listen, flag: "--listen", allowPublic: listenPublic, publicFlag: "--listen-public")
    let tls = try tlsOptions.resolved()
    var endpoint = coordinator
    // The users' tokens travel on this connection: in plaintext only to loopback (as it
    // resolves, not as it is spelt) or a Unix socket.
    if tls == nil {
      guard let loopback = (try? ReformClient.parseAddress(coordinator))?.pinnedToLoopback else {
        throw ValidationError("--coordinator \(coordinator): plaintext is allowed to loopback and Unix sockets only; give --tls (or --tls-ca)")
      }
      endpoint = loopback.description
    }
    let web = try WebFront.service(
      WebFront.Configuration(
        host: address.host, port: address.port, coordinator: endpoint, coordinatorTLS: tls, secureCookies: secureCookies),
      logger: logger)
    logger.info("serving the console", metadata: ["address": "http://\(address)/console"])
    let group = ServiceGroup(services: [web], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    ParentWatch.start(parent: server.parentPid, group: group)
    try await group.run()
  }
}

/// The web front's address as `reformd web` and `reformd up` take it.
enum WebOptions {
  static let defaultAddress = "127.0.0.1:7421"

  /// `text` checked as a listening address: loopback unless `allowPublic`. Errors name `flag`
  /// and `publicFlag`.
  static func address(_ text: String, flag: String, allowPublic: Bool, publicFlag: String) throws -> MetricsAddress {
    do {
      return try MetricsAddress(parsing: text, allowPublic: allowPublic)
    } catch .malformed {
      throw ValidationError("\(flag): '\(text)' is not PORT, HOST:PORT or [IPv6]:PORT with a port from 1 to 65535")
    } catch .notLoopback(let host) {
      throw ValidationError("\(flag): \(host) is not a loopback address; the console serves no TLS, so add \(publicFlag) to serve it there")
    }
  }
}
