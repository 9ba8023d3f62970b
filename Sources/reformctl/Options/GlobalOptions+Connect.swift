import ArgumentParser
import ReformClient

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
}
