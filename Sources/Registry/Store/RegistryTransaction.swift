import Foundation
import ReformStore
import RegistryDomain

/// One write in progress, in the registry's terms: the registry as it stands inside the
/// transaction (``state``, which each `commit…` changes as it stores), the instant of the
/// call, and the operations that store domain values. ``RegistryWrite`` is the SQLite one,
/// ``RegistryPostgresWrite`` the PostgreSQL one.
protocol RegistryTransaction {
  /// The registry inside the transaction, as changed so far.
  var state: RegistrySnapshot { get }
  /// When the call is made (UTC), for the records' times.
  var now: Date { get }

  /// Stores a changed tree: the units in `changed` as they stand in `tree`, each a revision
  /// further (or created), and the history entries recorded.
  mutating func commitUnits(_ tree: UnitTree, changed: some Sequence<String>, history: [UnitHistoryEntry]) throws
  /// Stores people as given (new or changed), each a revision further (or created).
  mutating func commitPeople(_ people: [Person]) throws
  /// `count` new person ids, none of them taken.
  mutating func newPersonIDs(_ count: Int) throws -> [String]
  /// Stores a new version of an indicator set.
  mutating func commitSet(_ stored: StoredIndicatorSet) throws
  /// Stores a changed book: the values at `changed` as they stand in `book` (against
  /// `setVersion`), the values at `removed` deleted, and the period states at `states`.
  mutating func commitBook(
    _ book: ReportingBook, changed: [IndicatorValueKey], removed: [IndicatorValueKey], states: [PeriodKey],
    setVersion: (String) -> Int
  ) throws

  /// The answer kept for `claim`'s request, or `nil` when its key is new.
  ///
  /// - Throws: ReformStore's `IdempotencyRefusal` when the key answered another request.
  func storedAnswer(for claim: IdempotencyClaim) throws -> [UInt8]?
  /// Keeps `answer` as the answer given to `claim`'s request.
  mutating func keep(answer: [UInt8], for claim: IdempotencyClaim) throws
}

extension RegistryTransaction {
  /// Stores new study records: each person's record gains them and moves a revision further.
  mutating func commitStudies(_ studies: [PersonStudy]) throws {
    var byPerson: [String: [ReformStudyRecord]] = [:]
    for study in studies { byPerson[study.personID, default: []].append(study.record) }
    var people: [Person] = []
    for (id, records) in byPerson {
      guard var person = state.roster.person(id) else { continue }
      person.studies += records
      person.studies.sort { ($0.studied, $0.document) < ($1.studied, $1.document) }
      people.append(person)
    }
    try commitPeople(people)
  }

  /// The next of the ids `NV` and six digits or more after counter value `last`, none of
  /// them taken; the counter's new value with them.
  func newPersonIDs(_ count: Int, after last: Int64) -> (ids: [String], last: Int64) {
    var next = last
    var ids: [String] = []
    ids.reserveCapacity(max(0, count))
    while ids.count < count {
      next += 1
      let digits = String(next)
      let id = "NV" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
      if state.roster.person(id) == nil { ids.append(id) }
    }
    return (ids, next)
  }
}
