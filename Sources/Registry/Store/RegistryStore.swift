import Foundation
import GRDB
import ReformKit
import ReformStore
import RegistryDomain
import Synchronization

/// The registry's SQLite file and the registry held in memory (``RegistrySnapshot``).
///
/// The file is the truth, shared by every worker process of the module, and opened as every
/// module's store is (ReformStore's `StoreDatabase`: WAL, a write waits up to ten seconds for
/// another process's lock and then fails as `StoreFailure.busy`). Each call reads the
/// areas' revision counters first and reloads what another process changed (people by delta:
/// only rows written since), so a read then runs on values in memory. A write runs in one
/// `IMMEDIATE` transaction: it sees the file as it stands, stores its rows, increments the
/// revisions of the areas it touched, and leaves its result in memory for the next call.
///
/// ## Topics
/// - ``read()``, ``write(_:)``
final class RegistryStore: RegistryStoring {
  private let database: StoreDatabase
  private let clock: @Sendable () -> Date
  private let cache = Mutex(RegistrySnapshot())

  /// Opens (creating if need be) the file at `path` and applies the migrations.
  init(path: String, clock: @escaping @Sendable () -> Date) throws {
    database = try StoreDatabase(path: path, name: "registry", migrations: RegistryMigrations.all)
    self.clock = clock
  }

  /// The instant of a call.
  var now: Date { clock() }

  /// The registry as the file holds it now.
  func read() async throws -> RegistrySnapshot {
    let base = cache.withLock { $0 }
    let state = try await StoreCorruption.reported { try await self.database.read { db in try Self.refreshed(base, in: db) } }
    remember(state)
    return state
  }

  /// Runs `body` in one write transaction over the registry as it stands; whatever `body`
  /// throws rolls everything back. SQLite reads `claim`'s answer inside `body`.
  ///
  /// The registry in memory is taken once this process's turn to write has come, and the
  /// result kept before the next write's turn: so concurrent writes of this process each
  /// start from the one before, and only another process's writes cause a reload.
  func write<T: Sendable>(answering claim: IdempotencyClaim?, _ body: @escaping @Sendable (inout RegistryWrite) throws -> T)
    async throws -> T
  {
    let now = clock()
    return try await StoreCorruption.reported {
      try await self.database.writeWithoutTransaction { db in
        var outcome: (result: T, state: RegistrySnapshot)?
        try db.inTransaction(.immediate) {
          let base = self.cache.withLock { $0 }
          var write = RegistryWrite(db: db, state: try Self.refreshed(base, in: db), now: now)
          let result = try body(&write)
          var state = write.state
          for area in write.touched.sorted(by: { $0.rawValue < $1.rawValue }) {
            try db.execute(sql: "UPDATE registry_revisions SET revision = revision + 1 WHERE area = ?", arguments: [area.rawValue])
            state.revisions[area] = (state.revisions[area] ?? 0) + 1
          }
          outcome = (result, state)
          return .commit
        }
        guard let outcome else { throw StoreFailure.failed(store: "registry", detail: "a write committed without a result") }
        self.remember(outcome.state)
        return outcome.result
      }
    }
  }

  /// Keeps `state` for the next call unless the cache holds something newer in some area.
  private func remember(_ state: RegistrySnapshot) {
    cache.withLock { current in
      if state.isNoOlder(than: current) { current = state }
    }
  }

  /// `base` brought up to the revisions stored in `db`.
  private static func refreshed(_ base: RegistrySnapshot, in db: Database) throws -> RegistrySnapshot {
    var revisions: [StoreArea: Int64] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT area, revision FROM registry_revisions") {
      if let area = StoreArea(rawValue: row[0]) { revisions[area] = row[1] }
    }
    var state = base
    let plan = base.reload(to: revisions)
    state.prepare(for: plan)
    if plan.units { (state.tree, state.unitStamps) = try UnitRecords.load(db) }
    if plan.people { try PersonRecords.load(db, changedAfter: plan.peopleChangedAfter, into: &state) }
    if plan.sets { state.sets = try IndicatorSetRecords.load(db) }
    if plan.values { try ValueRecords.load(db, changedAfter: plan.valuesChangedAfter, into: &state) }
    state.revisions = revisions
    return state
  }
}
