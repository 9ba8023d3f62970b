import ReformClient
/// How a worker reaches its coordinator and how much it takes on.
public struct WorkerConfiguration: Sendable {
  /// The coordinator's endpoint, `host:port` or `unix:/path`.
  public var coordinator: ReformAddress
  /// The secret the coordinator expects in a worker's hello.
  public var secret: String
  /// How many jobs the worker runs at once.
  public var capacity: Int
  /// TLS to the coordinator, with the client certificate that may stand in for the secret;
  /// `nil` for plaintext.
  public var tls: ClientTLS?
  /// The first and the longest wait between attempts to reach the coordinator.
  public var reconnectBackoff: (first: Duration, longest: Duration)

  public init(coordinator: ReformAddress, secret: String, capacity: Int = 64, reconnectBackoff: (first: Duration, longest: Duration) = (.milliseconds(100), .seconds(1)), tls: ClientTLS? = nil) {
    self.tls = tls
    self.coordinator = coordinator
    self.secret = secret
    self.capacity = capacity
    self.reconnectBackoff = reconnectBackoff
  }
}
