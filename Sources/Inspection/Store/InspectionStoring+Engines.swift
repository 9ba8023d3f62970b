import Foundation
import ReformKit
import ReformStore
import ReformWire

/// What the store on SQLite (``InspectionStore``) and the store on PostgreSQL
/// (``InspectionPostgresStore``) do alike around their SQL: the name they fail under, one
/// idempotency ledger, stored messages decoded, and errors put in the store's terms.
extension InspectionStoring {
  /// The store's name in failures (`the inspection store is busy…`).
  static var name: String { "inspection" }

  /// Where answers to requests with an idempotency key are kept (`inspection_idempotency`); a
  /// key reused for another request is refused as already existing.
  static var ledger: IdempotencyLedger { IdempotencyLedger(.inspection, conflict: .alreadyExists) }

  /// A stored message, or ``StoreFailure/corrupt(store:detail:)`` when its bytes no longer
  /// decode.
  static func decode<M: WireMessage>(_ type: M.Type, _ bytes: Data, what: String) throws(StoreFailure) -> M {
    do {
      return try M(wireBytes: [UInt8](bytes))
    } catch {
      throw .corrupt(store: name, detail: "the stored \(what) does not decode: \(error)")
    }
  }

  /// What `operation` throws in the store's terms: refusals, store failures and cancellation
  /// as they are; anything else (a message that does not encode) as a failure of the store.
  static func inStoreTerms<T>(_ operation: () async throws -> T) async throws -> T {
    do {
      return try await operation()
    } catch let error where error is any DomainFailure || error is StoreFailure || error is CancellationError {
      throw error
    } catch {
      throw StoreFailure.failed(store: name, detail: "\(error)")
    }
  }
}
