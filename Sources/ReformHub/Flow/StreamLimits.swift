/// What the coordinator allows long-lived server streams, so that slow or idle streams can
/// neither grow its memory nor take the worker capacity unary calls need.
///
/// - ``windowBytes``, ``windowItems``: each streaming job's flow-control window between worker
///   and coordinator (``StreamCredit``); memory per open stream is about this plus what the
///   HTTP/2 stream to its caller holds.
/// - ``perPrincipal``, ``perModule``: open streams one principal, and one module, may have;
///   a stream past either gets `RESOURCE_EXHAUSTED` naming the limit. Streams do not count
///   against a worker's capacity, which is for unary calls.
/// - ``credentialCheck``: how often the credentials open streams were admitted under are
///   checked again, so a revoked or expired token ends its streams with `UNAUTHENTICATED`.
public struct StreamLimits: Sendable, Equatable {
  public var windowBytes: Int
  public var windowItems: Int
  public var perPrincipal: Int
  public var perModule: Int
  public var credentialCheck: Duration

  public init(
    windowBytes: Int = 64 * 1024, windowItems: Int = 32, perPrincipal: Int = 64, perModule: Int = 512,
    credentialCheck: Duration = .seconds(1)
  ) {
    self.windowBytes = windowBytes
    self.windowItems = windowItems
    self.perPrincipal = perPrincipal
    self.perModule = perModule
    self.credentialCheck = credentialCheck
  }
}
