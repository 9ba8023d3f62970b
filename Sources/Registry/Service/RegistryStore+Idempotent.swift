import ReformKit
import ReformModule
import ReformStore
import ReformWire

extension RegistryStoring {
  /// Runs a write whose answer is kept for `claim` in the store's idempotency ledger: a repeat
  /// with the same request gets the first answer and writes nothing; without a claim, the
  /// write simply runs.
  func idempotentWrite<Response: WireMessage>(
    _ claim: IdempotencyClaim?, _ body: @escaping @Sendable (inout Transaction) throws -> Response
  ) async throws -> Response {
    let answer: [UInt8]
    do {
      answer = try await write(answering: claim) { write -> [UInt8] in
        if let claim, let stored = try write.storedAnswer(for: claim) { return stored }
        let bytes = try body(&write).wireBytes()
        if let claim { try write.keep(answer: bytes, for: claim) }
        return bytes
      }
    } catch let failure as IdempotencyRefusal {
      throw FieldError(failure)
    }
    do {
      return try Response(wireBytes: answer)
    } catch {
      throw StoreFailure.corrupt(store: "registry", detail: "a stored answer does not decode: \(error)")
    }
  }
}
