import ReformWire

/// The `diagnostics` module (`reform.v1.Diagnostics`), reached as ``ReformClient/diagnostics``:
/// calls that exercise the whole path — client, coordinator, worker and back — without
/// touching domain data.
public struct DiagnosticsClient: Sendable {
  /// The client the calls go through.
  public let client: ReformClient

  /// Diagnostics calls through `client`.
  public init(client: ReformClient) {
    self.client = client
  }

  /// Sends text and bytes through the coordinator to a diagnostics worker and gets them back,
  /// with the worker that answered and the caller as the worker saw it.
  ///
  /// - Parameters:
  ///   - text: Text to echo.
  ///   - payload: Bytes to echo.
  ///   - timeout: The call's deadline; `nil` for none.
  /// - Throws: ``ReformError``; `UNAVAILABLE` when no diagnostics worker is attached.
  public func echo(text: String = "", payload: [UInt8] = [], timeout: Duration? = nil)
    async throws(ReformError) -> DiagnosticsEchoResponse
  {
    try await client.call(
      DiagnosticsService.Echo.self, DiagnosticsEchoRequest(payload: payload, text: text), timeout: timeout)
  }
}

extension ReformClient {
  /// The `diagnostics` module's service.
  public var diagnostics: DiagnosticsClient { DiagnosticsClient(client: self) }
}
