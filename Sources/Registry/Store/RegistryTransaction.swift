import Foundation
import ReformStore
import RegistryDomain

/// One write in progress, in the registry's terms: the registry as it stands inside the
/// transaction (``state``, which each `commit…` changes as it stores), the instant of the
/// call, and the operations that store domain values. ``RegistryWrite`` is the SQLite one.
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
  /// Stores new study records: each person's record gains them and moves a revision further.
  mutating func commitStudies(_ studies: [PersonStudy]) throws
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
  func keep(answer: [UInt8], for claim: IdempotencyClaim) throws
}
