import ReformWire

/// The standard gRPC health service of a coordinator (`grpc.health.v1.Health`), reached as
/// ``ReformClient/health``.
///
/// The service `""` is the coordinator as a whole; a module's service (e.g.
/// `reform.v1.Diagnostics`) is `SERVING` while at least one worker of the module is attached.
public struct HealthClient: Sendable {
  /// The client the calls go through.
  public let client: ReformClient

  /// Health calls through `client`.
  public init(client: ReformClient) {
    self.client = client
  }

  /// The serving status of a service now.
  ///
  /// - Parameters:
  ///   - service: The fully qualified service name; `""` for the whole server.
  ///   - timeout: The call's deadline; `nil` for none.
  /// - Throws: ``ReformError``; `NOT_FOUND` when the server does not know the service.
  public func check(service: String = "", timeout: Duration? = nil) async throws(ReformError)
    -> HealthCheckResponse.ServingStatus
  {
    try await client.call(HealthService.Check.self, HealthCheckRequest(service: service), timeout: timeout).status
  }

  /// Follows the serving status of a service: `onStatus` gets the current status at once,
  /// then each change, until the server ends the stream or `onStatus` throws.
  ///
  /// - Parameters:
  ///   - service: The fully qualified service name; `""` for the whole server.
  ///   - timeout: How long to watch before the call ends with `DEADLINE_EXCEEDED`; `nil` for
  ///     as long as the server streams.
  ///   - onStatus: Called with each status, in order.
  /// - Throws: ``ReformError``, as ``ReformClient/stream(_:_:timeout:metadata:onItem:)`` does.
  public func watch(
    service: String = "",
    timeout: Duration? = nil,
    onStatus: @Sendable (HealthCheckResponse.ServingStatus) async throws -> Void
  ) async throws(ReformError) {
    try await client.stream(HealthService.Watch.self, HealthCheckRequest(service: service), timeout: timeout) { response in
      try await onStatus(response.status)
    }
  }
}

extension ReformClient {
  /// The coordinator's gRPC health service.
  public var health: HealthClient { HealthClient(client: self) }
}
