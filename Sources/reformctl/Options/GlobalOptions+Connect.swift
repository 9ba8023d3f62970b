import ArgumentParser
import ReformClient
import ReformWire

extension GlobalOptions {
  /// Connects to the coordinator, runs `body` with the client, and turns any
  /// ``ReformError`` into the line `reformctl: CODE: message` on standard error and the exit
  /// status of its category (``ExitStatus``).
  @discardableResult
  func withClient<Result: Sendable>(_ body: @Sendable (ReformClient) async throws -> Result) async throws -> Result {
    do {
      return try await ReformClient.connect(to: resolvedAddress, token: try resolvedToken(), tls: try tlsOptions.resolved(), insecure: insecure,
        body)
    } catch let error as ReformError {
      StandardError.print("reformctl: \(error.code): \(error.message)")
      throw ExitStatus.of(error.code)
    }
  }

  /// Makes the one unary call of a command that needs no other, within `--timeout` or
  /// `minimum` if that is longer (for calls known to take a while); a failure is reported as
  /// ``withClient(_:)`` reports it.
  @discardableResult
  func call<M: WireMethod & SendableMetatype>(_ method: M.Type, _ request: M.Input, timeoutAtLeast minimum: Duration = .zero) async throws -> M.Output {
    let timeout = max(callTimeout, minimum)
    return try await withClient { client in
      try await client.call(method, request, timeout: timeout)
    }
  }
}
