import GRPCCore
import Testing

/// The status `body` failed with, as the caller would see it (an `RPCErrorConvertible` error,
/// such as `FieldError` or `StoreFailure`, converted as the worker converts it), checked
/// against `code` and, when given, the field its message names first (`field: problem`).
///
/// Records an issue, and returns nil, when `body` succeeded or threw an error that is no
/// status. Returns the error for further `#expect`s on its message.
@discardableResult
public func expectRPCError<T>(
  _ code: RPCError.Code? = nil, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () async throws -> T
) async -> RPCError? {
  let status: RPCError
  do {
    _ = try await body()
    Issue.record("expected the call to fail\(code.map { " with \($0)" } ?? "")", sourceLocation: sourceLocation)
    return nil
  } catch let error as RPCError {
    status = error
  } catch let error as any RPCErrorConvertible {
    status = RPCError(error)
  } catch {
    Issue.record("expected a status, got \(error)", sourceLocation: sourceLocation)
    return nil
  }
  if let code { #expect(status.code == code, "\(status.message)", sourceLocation: sourceLocation) }
  if let field { #expect(status.message.hasPrefix("\(field):"), "\(status.message)", sourceLocation: sourceLocation) }
  return status
}
