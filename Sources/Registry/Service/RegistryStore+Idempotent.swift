import ReformKit
import ReformModule
import ReformWire

extension RegistryStoring {
  /// Runs a write whose answer is kept under `key`: a repeat with the same request gets the
  /// first answer and writes nothing; without a key, the write simply runs.
  func idempotentWrite<Response: WireMessage>(
    _ key: IdempotencyKey?, _ body: @escaping @Sendable (inout Transaction) throws -> Response
  ) async throws -> Response {
    let answer: [UInt8]
    do {
      answer = try await write { write -> [UInt8] in
        if let key, let stored = try write.storedAnswer(for: key) { return stored }
        let bytes = try body(&write).wireBytes()
        if let key { try write.keep(answer: bytes, for: key) }
        return bytes
      }
    } catch let failure as IdempotencyKeyFailure {
      throw FieldError(failure)
    }
    do {
      return try Response(wireBytes: answer)
    } catch {
      throw StoreFailure.corrupt(store: "registry", detail: "a stored answer does not decode: \(error)")
    }
  }
}
