import Foundation
import PostgresNIO
import ReformKit
import ReformStore
import RegistryDomain

/// One write in progress on PostgreSQL: the registry as it stands inside the transaction,
/// changed by each `commit…` as on SQLite, and the rows to store, kept in order until the
/// write's body returns; ``RegistryPostgresStore/write(answering:_:)`` then sends them, a
/// batch statement a table, in the same transaction.
///
/// A body runs synchronously on values in memory, so what it may read of the database is read
/// before it runs: the person-id counter, and the stored answer of the one idempotency claim
/// the write announced.
struct RegistryPostgresWrite: RegistryTransaction {
  /// A statement the write sends when its body has returned.
  typealias Pending = @Sendable (PostgresConnection) async throws -> Void

  var state: RegistrySnapshot
  let now: Date
  /// The areas this write changed.
  private(set) var touched: Set<StoreArea> = []
  /// What to send, in order.
  private(set) var pending: [Pending] = []
  /// The person-id counter's value, as read when the write began and advanced since.
  private var personIDCounter: Int64
  /// The claim announced, with its stored answer (or the refusal of its key) as read under its lock.
  private let announced: (claim: IdempotencyClaim, answer: Result<[UInt8]?, any Error>)?

  init(
    state: RegistrySnapshot, now: Date, personIDCounter: Int64,
    announced: (claim: IdempotencyClaim, answer: Result<[UInt8]?, any Error>)?
  ) {
    self.state = state
    self.now = now
    self.personIDCounter = personIDCounter
    self.announced = announced
  }

  private mutating func send(_ area: StoreArea?, _ statement: @escaping Pending) {
    if let area { touched.insert(area) }
    pending.append(statement)
  }

  mutating func commitUnits(_ tree: UnitTree, changed: some Sequence<String>, history: [UnitHistoryEntry]) throws {
    var written: [UnitRow] = []
    for code in Set(changed) {
      guard let unit = tree.unit(code) else { continue }
      let stamp = state.unitStamps[code].map { $0.changed(at: now) } ?? .created(at: now)
      state.unitStamps[code] = stamp
      written.append(UnitRow(unit, stamp))
    }
    let units = written
    let entries = try history.map(UnitHistoryRow.init)
    send(.units) { db in
      try await db.insert(contentsOf: units, into: "registry_units", replacingOn: ["code"])
      try await db.insert(contentsOf: entries, into: "registry_unit_history")
    }
    state.tree = tree
  }

  mutating func commitPeople(_ people: [Person]) throws {
    guard !people.isEmpty else { return }
    let changedIn = (state.revisions[.people] ?? 0) + 1
    var written: [String: Person] = [:]
    var rows: [String: PersonRow] = [:]
    var restudied: Set<String> = []
    for person in people {
      let previous = written[person.id] ?? state.roster.person(person.id)
      let stamp = state.personStamps[person.id].map { $0.changed(at: now) } ?? .created(at: now)
      rows[person.id] = PersonRow(person, stamp, changedIn: changedIn)
      if (previous?.studies ?? []) != person.studies { restudied.insert(person.id) }
      state.personStamps[person.id] = stamp
      written[person.id] = person
    }
    let studies = restudied.sorted().flatMap { id in written[id]?.studies.map { StudyRow(personId: id, $0) } ?? [] }
    let people = rows.keys.sorted().compactMap { rows[$0] }
    let cleared = restudied.sorted()
    send(.people) { db in
      try await db.insert(contentsOf: people, into: "registry_people", replacingOn: ["id"])
      if !cleared.isEmpty { try await db.execute("DELETE FROM registry_studies WHERE person_id = ANY(\(cleared))") }
      try await db.insert(contentsOf: studies, into: "registry_studies")
    }
    state.roster.restore(written.values)
  }

  mutating func newPersonIDs(_ count: Int) throws -> [String] {
    guard count > 0 else { return [] }
    let (ids, last) = newPersonIDs(count, after: personIDCounter)
    personIDCounter = last
    send(nil) { db in
      try await db.execute(
        """
        INSERT INTO registry_counters (name, value) VALUES ('person_id', \(last))
        ON CONFLICT (name) DO UPDATE SET value = excluded.value
        """)
    }
    return ids
  }

  mutating func commitSet(_ stored: StoredIndicatorSet) throws {
    let row = IndicatorSetRow(stored)
    send(.sets) { db in try await db.insert(contentsOf: [row], into: "registry_indicator_sets") }
    state.sets = StoredIndicatorSet.withBuiltIn(state.sets + [stored])
  }

  mutating func commitBook(
    _ book: ReportingBook, changed: [IndicatorValueKey], removed: [IndicatorValueKey], states: [PeriodKey],
    setVersion: (String) -> Int
  ) throws {
    guard !changed.isEmpty || !removed.isEmpty || !states.isEmpty else { return }
    let changedIn = (state.revisions[.values] ?? 0) + 1
    // One row a key, each statement's rows distinct: a key named twice is stored as the last
    // naming left it, its revision advanced each time, as on SQLite.
    var rows: [IndicatorValueKey: ValueRow] = [:]
    for key in changed {
      guard let value = book.valuesByKey[key] else { continue }
      let stamp = ValueStamp(setVersion: setVersion(key.setID), revision: (state.valueStamps[key]?.revision ?? 0) + 1)
      rows[key] = ValueRow(value, stamp, changedIn: changedIn)
      state.valueStamps[key] = stamp
    }
    let values = Array(rows.values)
    for key in removed { state.valueStamps[key] = nil }
    let removals = Set(removed).map { ValueRemovalRow($0, removedIn: changedIn) }
    let periodStates = try Set(states).map { key in try PeriodStateRow(book.state(key), key: key, changedIn: changedIn) }
    send(.values) { db in
      try await db.insert(contentsOf: values, into: "registry_values", replacingOn: ["set_id", "indicator_code", "unit_code", "period"])
      if !removals.isEmpty {
        let sets = removals.map(\.setId), codes = removals.map(\.indicatorCode)
        let units = removals.map(\.unitCode), periods = removals.map(\.period)
        try await db.execute(
          """
          DELETE FROM registry_values WHERE (set_id, indicator_code, unit_code, period) IN
            (SELECT * FROM unnest(\(sets)::text[], \(codes)::text[], \(units)::text[], \(periods)::text[]))
          """)
        try await db.insert(
          contentsOf: removals, into: "registry_value_removals", replacingOn: ["set_id", "indicator_code", "unit_code", "period"])
      }
      try await db.insert(contentsOf: periodStates, into: "registry_period_states", replacingOn: ["set_id", "unit_code", "period"])
    }
    state.book = book
  }

  func storedAnswer(for claim: IdempotencyClaim) throws -> [UInt8]? {
    guard let announced, announced.claim == claim else {
      throw StoreFailure.failed(store: "registry", detail: "a write asked for the answer of a claim it did not announce")
    }
    return try announced.answer.get()
  }

  mutating func keep(answer: [UInt8], for claim: IdempotencyClaim) throws {
    let now = now
    send(nil) { db in try await RegistryPostgresStore.ledger.record(answer, for: claim, at: now, on: db) }
  }
}
