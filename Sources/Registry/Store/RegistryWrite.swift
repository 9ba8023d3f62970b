import Foundation
import GRDB
import ReformStore

/// One write transaction in progress: the database, the registry as it stands inside the
/// transaction (``state``, which the write changes as it stores), and the instant of the call.
///
/// Each `commit…` method stores rows and updates ``state`` alike and marks its area touched;
/// ``RegistryStore/write(_:)`` then increments the touched areas' revisions in the same
/// transaction, so other processes reload exactly what changed.
struct RegistryWrite: RegistryTransaction {
  /// The open transaction.
  let db: Database
  /// The registry inside the transaction, changed as the write stores.
  var state: RegistrySnapshot
  /// When the call is made (UTC), for the rows' times.
  let now: Date
  /// The areas this write changed.
  private(set) var touched: Set<StoreArea> = []

  init(db: Database, state: RegistrySnapshot, now: Date) {
    self.db = db
    self.state = state
    self.now = now
  }

  /// Marks `area` changed and returns the revision it will have when the write commits.
  @discardableResult
  mutating func touch(_ area: StoreArea) -> Int64 {
    touched.insert(area)
    return (state.revisions[area] ?? 0) + 1
  }

  /// Where answers to requests with an idempotency key are kept (`registry_idempotency`):
  /// keys per caller across methods, a key reused for another request refused as already
  /// existing.
  static let ledger = IdempotencyLedger(.registry, conflict: .alreadyExists)

  func storedAnswer(for claim: IdempotencyClaim) throws -> [UInt8]? { try Self.ledger.answer(to: claim, in: db) }

  func keep(answer: [UInt8], for claim: IdempotencyClaim) throws {
    try Self.ledger.record(answer, for: claim, at: now, in: db)
  }
}
