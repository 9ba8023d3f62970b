import Foundation
import HashTreeCollections
import RegistryDomain

/// Everything the registry holds, as domain values, at one revision of each ``StoreArea``.
///
/// A process keeps one in memory and brings it up to date from the SQLite file at the start of
/// every call (``RegistryStore``), so reads such as a report over a thousand units run on
/// values in memory while the file stays the truth that every worker process shares.
struct RegistrySnapshot: Sendable {
  /// The revision of each area this snapshot reflects; absent before the first load.
  var revisions: [StoreArea: Int64] = [:]
  /// The unit tree with its history.
  var tree = UnitTree()
  /// Each unit's revision and times, by code.
  var unitStamps: [String: RecordStamp] = [:]
  /// The people with their study records.
  var roster = PersonRoster()
  /// Each person's revision and times, by id, as persistent a map as the roster's records.
  var personStamps: TreeDictionary<String, RecordStamp> = [:]
  /// Every version of every indicator set, by id then version; the built-in set included.
  var sets: [StoredIndicatorSet] = []
  /// Values and the periods' workflow.
  var book = ReportingBook()
  /// Each value's set version and revision, as persistent a map as the book's values.
  var valueStamps: TreeDictionary<IndicatorValueKey, ValueStamp> = [:]

  /// Every version of the set `id`, oldest first.
  func versions(of id: String) -> [StoredIndicatorSet] { sets.filter { $0.set.id == id } }

  /// The latest version of the set `id`.
  func latestSet(_ id: String) -> StoredIndicatorSet? { versions(of: id).last }

  /// The latest version of every set, by id.
  var latestSets: [StoredIndicatorSet] {
    var latest: [String: StoredIndicatorSet] = [:]
    for stored in sets { latest[stored.set.id] = stored }
    return latest.keys.sorted().compactMap { latest[$0] }
  }
}

/// What a snapshot lacks of the store, from the areas' revisions: each engine's store reads
/// what it names and nothing else.
struct RegistryReload: Sendable, Hashable {
  var units = false
  var sets = false
  /// Whether any person changed.
  var people = false
  /// The people revision after which rows were written that the snapshot lacks; -1 (every
  /// person, the roster started afresh) when the snapshot's revision is unknown or ahead of
  /// the store's.
  var peopleChangedAfter: Int64 = -1
  /// Whether any value or period state changed.
  var values = false
  /// As ``peopleChangedAfter``, for values, their withdrawals and the periods' states.
  var valuesChangedAfter: Int64 = -1
}

extension RegistrySnapshot {
  /// What this snapshot must reload to stand at the `stored` revisions.
  func reload(to stored: [StoreArea: Int64]) -> RegistryReload {
    /// The revision of `area` rows written after it are missing since; -1 for every row.
    func since(_ area: StoreArea) -> Int64 {
      guard let known = revisions[area], known <= (stored[area] ?? 0) else { return -1 }
      return known
    }
    var plan = RegistryReload()
    plan.units = revisions[.units] != stored[.units]
    plan.sets = revisions[.sets] != stored[.sets]
    plan.people = revisions[.people] != stored[.people]
    plan.peopleChangedAfter = since(.people)
    plan.values = revisions[.values] != stored[.values]
    plan.valuesChangedAfter = since(.values)
    return plan
  }

  /// Starts the roster, or the book, afresh when `plan` reloads every row of it.
  mutating func prepare(for plan: RegistryReload) {
    if plan.people, plan.peopleChangedAfter < 0 {
      roster = PersonRoster()
      personStamps = [:]
    }
    if plan.values, plan.valuesChangedAfter < 0 {
      book = ReportingBook()
      valueStamps = [:]
    }
  }

  /// Takes in what the store wrote to values since the snapshot's revision: `removed` values
  /// gone, then `values` (with their stamps) and `states` as they are.
  mutating func restore(
    values: [(IndicatorValue, ValueStamp)], removed: [IndicatorValueKey], states: [PeriodState]
  ) {
    for key in removed { valueStamps[key] = nil }
    for (value, stamp) in values { valueStamps[value.key] = stamp }
    book.restore(values: values.map(\.0), removing: removed, states: states)
  }

  /// Takes in the people the store wrote since the snapshot's revision, each with every study
  /// record it has (in any order: they are put in the order the registry keeps them).
  mutating func restore(people: some Collection<Person>) {
    roster.restore(
      people.map { person in
        var person = person
        person.studies.sort { ($0.studied, $0.document) < ($1.studied, $1.document) }
        return person
      })
  }

  /// Whether this snapshot is at least as new as `other` in every area, so that it may
  /// replace it as the one a process keeps.
  func isNoOlder(than other: RegistrySnapshot) -> Bool {
    StoreArea.allCases.allSatisfy { (revisions[$0] ?? -1) >= (other.revisions[$0] ?? -1) }
  }
}
