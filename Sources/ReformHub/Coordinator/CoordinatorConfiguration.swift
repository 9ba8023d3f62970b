import ReformStore

/// How a coordinator listens and dispatches.
public struct CoordinatorConfiguration: Sendable {
  /// Where clients and workers connect: `host:port` and `unix:/path` endpoints.
  public var listen: [ReformAddress]
  /// Calls that may wait per module before new ones get `RESOURCE_EXHAUSTED`.
  public var queueCapacity: Int
  /// How long a call waits for a first worker of its module before `UNAVAILABLE`, when its
  /// own deadline is later or absent.
  public var attachWait: Duration
  /// How often workers are asked to heartbeat.
  public var heartbeatInterval: Duration
  /// How long a worker may send nothing at all (no heartbeat, no result) before it is detached,
  /// and never less than five heartbeat intervals. A worker that exits or loses its connection
  /// is detached at once, when its stream ends; this limit only catches one that hangs with
  /// its connection open. It is generous because a live worker on a loaded machine, decoding a
  /// request of tens of megabytes, can fall silent for seconds, and detaching it fails the
  /// calls it holds.
  public var silenceLimit: Duration
  /// The largest request message accepted, in bytes.
  public var maxRequestBytes: Int
  /// The longest a call may run: a caller's `grpc-timeout` is clamped to it, and a call
  /// without one gets it (``GRPCTimeout``).
  public var maxDeadline: Duration
  /// Calls one client connection may have open at once (HTTP/2 streams). HTTP/2's usual 100
  /// would cap how many calls a single client keeps in flight through the coordinator.
  public var maxConcurrentStreams: Int
  /// The SQLite file of bearer tokens (only their hashes), unless ``database`` is set.
  public var tokenStorePath: String
  /// The secret workers present in their hello; with none, no worker can attach.
  public var workerSecret: String?
  /// The SQLite file of the audit log, unless ``database`` is set.
  public var auditLogPath: String
  /// A PostgreSQL database for the tokens and the audit log (schema `security`), shared with
  /// the other coordinators opened on it; nil keeps them in the two SQLite files.
  public var database: PostgresSettings?
  /// Calls a second each bearer token may make on average (0: no limit), and in a burst.
  public var rateLimit: (perSecond: Double, burst: Double)
  /// TLS, and mutual TLS, on the TCP endpoints; `nil` serves plaintext.
  public var tls: ServerTLS?
  /// Module secrets, the limit on failed authentications per peer, and how refusals are counted.
  public var security = SecurityConfiguration()
  /// Flow-control windows and stream budgets for long-lived server streams.
  public var streams: StreamLimits

  public init(
    listen: [ReformAddress],
    tokenStorePath: String,
    workerSecret: String?,
    auditLogPath: String,
    queueCapacity: Int = 4096,
    attachWait: Duration = .seconds(10),
    heartbeatInterval: Duration = .milliseconds(500),
    silenceLimit: Duration = .seconds(15),
    maxRequestBytes: Int = 64 * 1024 * 1024,
    maxDeadline: Duration = GRPCTimeout.defaultMaximum,
    maxConcurrentStreams: Int = 4096,
    rateLimit: (perSecond: Double, burst: Double) = (perSecond: 10_000, burst: 20_000),
    tls: ServerTLS? = nil,
    streams: StreamLimits = StreamLimits()
  ) {
    self.tls = tls
    self.streams = streams
    self.listen = listen
    self.tokenStorePath = tokenStorePath
    self.workerSecret = workerSecret
    self.auditLogPath = auditLogPath
    self.queueCapacity = queueCapacity
    self.attachWait = attachWait
    self.heartbeatInterval = heartbeatInterval
    self.silenceLimit = silenceLimit
    self.maxRequestBytes = maxRequestBytes
    self.maxDeadline = maxDeadline
    self.maxConcurrentStreams = maxConcurrentStreams
    self.rateLimit = rateLimit
  }

  /// Where the tokens are: the schema `security` of ``database``, or ``tokenStorePath``.
  public var tokenStore: StoreLocation {
    database.map { .postgres($0) } ?? .sqlite(path: tokenStorePath)
  }

  /// Where the audit log is: the schema `security` of ``database``, or ``auditLogPath``.
  public var auditStore: StoreLocation {
    database.map { .postgres($0) } ?? .sqlite(path: auditLogPath)
  }
}
