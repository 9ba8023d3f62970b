import GRDB
import ReformStore

/// A row of `exchange_events`: what a unit's Watch stream delivers, in the order of `seq`.
///
/// `seq` is the Watch cursor. SQLite runs one write transaction at a time across every process,
/// and an event is inserted inside the transaction that makes its arrival or notice, so events
/// become visible in `seq` order and a reader never sees a later one before an earlier one.
struct EventRecord: SnakeCaseRecord {
  static let databaseTableName = "exchange_events"

  /// What an event announces.
  enum Kind: Int, Codable, Sendable {
    /// A copy arrived in the unit's inbox.
    case arrival = 1
    /// A notice concerning the unit.
    case notice = 2
  }

  var seq: Int64?
  var unitCode: String
  var kind: Kind
  var deliverySeq: Int64
  var noticeSeq: Int64?

  mutating func didInsert(_ inserted: InsertionSuccess) {
    seq = inserted.rowID
  }
}
