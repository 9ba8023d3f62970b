import ReformClient

/// The error `body` ends with, or nil when it succeeds; an error other than a ``ReformError``
/// comes back as `UNKNOWN` naming it, so that a test compares codes whatever was thrown.
func failure(_ body: () async throws -> Void) async -> ReformError? {
  do {
    try await body()
    return nil
  } catch let error as ReformError {
    return error
  } catch {
    return ReformError(code: .unknown, message: "\(error)")
  }
}
