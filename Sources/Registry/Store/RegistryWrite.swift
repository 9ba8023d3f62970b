import Foundation
import GRDB

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

  func storedAnswer(for key: IdempotencyKey) throws -> [UInt8]? { try key.storedAnswer(in: db) }

  func keep(answer: [UInt8], for key: IdempotencyKey) throws { try key.store(answer: answer, at: now, in: db) }
}
