/// What guards the coordinator's door beyond tokens and roles: where module secrets for
/// workers are listed, how often a peer address may fail to authenticate, and how refusals
/// are counted in the audit log. The defaults are safe for a coordinator facing the network.
public struct SecurityConfiguration: Sendable {
  /// The module secrets file (`DATA/worker-secrets.list`, ``WorkerSecretList``), read at every
  /// worker hello; nil accepts no module secret.
  public var workerSecretsPath: String?
  /// Failed authentications a peer address (an IPv4 address, an IPv6 /64) may make a second
  /// on average, and in a row; past that its calls get `RESOURCE_EXHAUSTED` without the token
  /// store being read. Unix-socket callers are not limited.
  public var failedAuthentications: (perSecond: Double, burst: Double)
  /// How long refusals of one peer, principal, method and reason are counted before their
  /// count is written as one audit entry.
  public var denialWindow: Duration

  public init(
    workerSecretsPath: String? = nil, failedAuthentications: (perSecond: Double, burst: Double) = (perSecond: 1, burst: 30),
    denialWindow: Duration = .seconds(60)
  ) {
    self.workerSecretsPath = workerSecretsPath
    self.failedAuthentications = failedAuthentications
    self.denialWindow = denialWindow
  }
}

extension CoordinatorConfiguration {
  /// This configuration with `security` in place of its own.
  public func with(_ security: SecurityConfiguration) -> CoordinatorConfiguration {
    var configuration = self
    configuration.security = security
    return configuration
  }
}
