import Foundation
import PostgresNIO
import ReformStore
import RegistryDomain
import Synchronization

/// The registry's ``RegistryStoring`` on PostgreSQL, for workers on several hosts sharing one
/// database: the same tables, migration ids and answers as ``RegistryStore``, and the same way
/// of serving, a process keeping the registry in memory (``RegistrySnapshot``) and reloading
/// only the areas another process changed (people by delta: the rows written since).
///
/// How it stays correct with writers on several hosts (each write one `READ COMMITTED`
/// transaction, run again on a deadlock or serialization failure; see ReformStore's
/// `PostgresStore`):
/// - **One writer at a time, as on SQLite.** A write first locks every row of
///   `registry_revisions` (`FOR UPDATE`, in one order), then reads the areas' revisions, brings
///   its snapshot up to them, runs its body, sends its rows, and advances the revisions of the
///   areas it touched before it commits. A second write, on any host, waits for the locks and
///   then sees the first's rows and revisions: every rule the domain checks on the whole
///   registry (a unit's parent exists, a card number is unique, a period is not yet approved)
///   holds across hosts. Registry writes are few and short; reads never take the locks.
/// - **Idempotency keys**: under those locks, the announced claim's entry is read before the
///   body runs, and the answer is stored in the same transaction as the write it answers.
/// - **Person ids** come from the `person_id` counter row, read and advanced under the locks.
/// - **Reads** run in one `REPEATABLE READ` snapshot: the revisions and the rows they reload
///   are of one moment.
///
/// ## Topics
/// - ``init(settings:schema:clock:)``, ``read()``, ``write(answering:_:)``
final class RegistryPostgresStore: RegistryStoring {
  /// The module's idempotency ledger, the same table as on SQLite.
  static let ledger = IdempotencyLedger(.registry, conflict: .alreadyExists)

  private let database: PostgresStore
  private let clock: @Sendable () -> Date
  private let cache = Mutex(RegistrySnapshot())

  /// A pool to `settings`' server for the tables in `schema`; migrations are applied before the
  /// first operation.
  init(settings: PostgresSettings, schema: String = "registry", clock: @escaping @Sendable () -> Date) throws {
    database = try PostgresStore(settings: settings, name: "registry", schema: schema, migrations: RegistryMigrations.postgres)
    self.clock = clock
  }

  var now: Date { clock() }

  func read() async throws -> RegistrySnapshot {
    let base = cache.withLock { $0 }
    let state = try await StoreCorruption.reported {
      try await self.database.read { db in
        try await Self.refreshed(base, to: try await Self.revisions(db, locking: false), in: db)
      }
    }
    remember(state)
    return state
  }

  func write<T: Sendable>(
    answering claim: IdempotencyClaim?, _ body: @escaping @Sendable (inout RegistryPostgresWrite) throws -> T
  ) async throws -> T {
    let now = clock()
    let outcome = try await StoreCorruption.reported {
      try await self.database.write { db -> (result: T, state: RegistrySnapshot) in
        let revisions = try await Self.revisions(db, locking: true)
        let state = try await Self.refreshed(self.cache.withLock { $0 }, to: revisions, in: db)
        let counter = try await db.value(Int64.self, "SELECT value FROM registry_counters WHERE name = 'person_id'") ?? 0
        var announced: (claim: IdempotencyClaim, answer: Result<[UInt8]?, any Error>)?
        if let claim {
          do {
            announced = (claim, .success(try await Self.ledger.answer(to: claim, on: db)))
          } catch let refusal as IdempotencyRefusal {
            announced = (claim, .failure(refusal))
          }
        }
        var write = RegistryPostgresWrite(state: state, now: now, personIDCounter: counter, announced: announced)
        let result = try body(&write)
        for statement in write.pending { try await statement(db) }
        var after = write.state
        let touched = write.touched.map(\.rawValue).sorted()
        if !touched.isEmpty {
          try await db.execute("UPDATE registry_revisions SET revision = revision + 1 WHERE area = ANY(\(touched))")
          for area in write.touched { after.revisions[area] = (after.revisions[area] ?? 0) + 1 }
        }
        return (result, after)
      }
    }
    remember(outcome.state)
    return outcome.result
  }

  /// Keeps `state` for the next call unless the cache holds something newer in some area.
  private func remember(_ state: RegistrySnapshot) {
    cache.withLock { current in
      if state.isNoOlder(than: current) { current = state }
    }
  }

  /// The areas' revisions as stored; with `locking`, their rows locked until the transaction ends.
  private static func revisions(_ db: PostgresConnection, locking: Bool) async throws -> [StoreArea: Int64] {
    var revisions: [StoreArea: Int64] = [:]
    let statement: PostgresStatement =
      locking
      ? "SELECT area, revision FROM registry_revisions ORDER BY area FOR UPDATE"
      : "SELECT area, revision FROM registry_revisions"
    for row in try await db.rows(statement) {
      if let area = StoreArea(rawValue: try row["area"].decode(String.self)) {
        revisions[area] = try row["revision"].decode(Int64.self)
      }
    }
    return revisions
  }

  /// `base` brought up to `revisions`, reading only what they say changed.
  private static func refreshed(
    _ base: RegistrySnapshot, to revisions: [StoreArea: Int64], in db: PostgresConnection
  ) async throws -> RegistrySnapshot {
    var state = base
    let plan = base.reload(to: revisions)
    state.prepare(for: plan)
    if plan.units {
      var units: [OrgUnit] = []
      state.unitStamps = [:]
      for row in try await db.records(UnitRow.self, "SELECT * FROM registry_units") {
        let (unit, stamp) = try row.unit()
        units.append(unit)
        state.unitStamps[unit.code] = stamp
      }
      let history = try await db.records(UnitHistoryRow.self, "SELECT * FROM registry_unit_history ORDER BY id").map { try $0.entry() }
      do {
        state.tree = try UnitTree(restoring: units, history: history)
      } catch {
        throw StoreCorruption(table: "registry_units", key: error.field, problem: error.message)
      }
    }
    if plan.people {
      let since = plan.peopleChangedAfter
      var loaded: [String: Person] = [:]
      for row in try await db.records(PersonRow.self, "SELECT * FROM registry_people WHERE changed_in > \(since)") {
        let (person, stamp) = try row.person()
        loaded[person.id] = person
        state.personStamps[person.id] = stamp
      }
      let studies = try await db.records(
        StudyRow.self,
        "SELECT s.* FROM registry_studies s JOIN registry_people p ON p.id = s.person_id WHERE p.changed_in > \(since)")
      for row in studies { loaded[row.personId]?.studies.append(try row.study()) }
      state.restore(people: loaded.values)
    }
    if plan.sets {
      state.sets = StoredIndicatorSet.withBuiltIn(
        try await db.records(IndicatorSetRow.self, "SELECT * FROM registry_indicator_sets").map { try $0.stored() })
    }
    if plan.values {
      let since = plan.valuesChangedAfter
      let values = try await db.records(ValueRow.self, "SELECT * FROM registry_values WHERE changed_in > \(since)").map { try $0.value() }
      let removed =
        since < 0
        ? []
        : try await db.records(ValueRemovalRow.self, "SELECT * FROM registry_value_removals WHERE removed_in > \(since)")
          .map { try $0.key() }
      let states = try await db.records(PeriodStateRow.self, "SELECT * FROM registry_period_states WHERE changed_in > \(since)")
        .map { try $0.state() }
      state.restore(values: values, removed: removed, states: states)
    }
    state.revisions = revisions
    return state
  }
}
