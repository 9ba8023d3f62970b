import Hummingbird
import Logging
import ReformClient
import ServiceLifecycle

/// The web front (`reformd web`): the console's pages at `/console`, served over HTTP.
///
/// The console holds no data of its own. Each page is made from calls to the coordinator
/// through ``ReformClient``, carrying the token the user signed in with, so the coordinator's
/// policy decides what every user sees; the web front keeps only the sessions
/// (``SessionLimits``) that map a cookie to that token.
///
/// ## Topics
/// - ``Configuration``: where it listens, where the coordinator is, how sessions live.
/// - ``service(_:logger:)``: the HTTP service to run in a service group.
public enum WebFront {
  /// What the web front needs to run.
  public struct Configuration: Sendable {
    /// The address and port to listen on.
    public var host: String
    public var port: Int
    /// The coordinator's endpoint, `HOST:PORT` or `unix:PATH`.
    public var coordinator: String
    /// How to speak TLS to the coordinator; nil for plaintext (loopback or a Unix socket).
    public var coordinatorTLS: ClientTLS?
    /// Mark the session cookie `Secure`: the console is reached over HTTPS, through a proxy
    /// that terminates TLS in front of it.
    public var secureCookies: Bool
    public var sessions: SessionLimits

    public init(
      host: String, port: Int, coordinator: String, coordinatorTLS: ClientTLS? = nil, secureCookies: Bool = false,
      sessions: SessionLimits = SessionLimits()
    ) {
      self.host = host
      self.port = port
      self.coordinator = coordinator
      self.coordinatorTLS = coordinatorTLS
      self.secureCookies = secureCookies
      self.sessions = sessions
    }
  }

  /// The HTTP service that serves the console; it runs until its service group shuts down.
  ///
  /// - Throws: When a template does not compile (a defect of this build).
  public static func service(_ configuration: Configuration, logger: Logger) throws -> some Service {
    let console = try Console(configuration: configuration, logger: logger)
    let router = Router()
    router.add(middleware: SecurityHeaders())
    console.register(on: router)
    return Application(
      router: router,
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port), serverName: nil),
      logger: logger)
  }
}
