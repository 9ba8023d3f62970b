import GRDB
import ReformStore

/// A row of `exchange_notices`: one status notice about one copy. Which organ it came from and
/// went to follows from the copy and from `bySender` (only 13 is the sender's).
struct NoticeRecord: SnakeCaseRecord {
  static let databaseTableName = "exchange_notices"

  var noticeSeq: Int64?
  var noticeId: String
  var deliverySeq: Int64
  var code: Int
  var bySender: Bool
  var detail: String
  var timeUs: Int64
  /// Nil when no officer was named.
  var staffFullName: String?
  var staffDepartment: String?
  var staffEmail: String?
  var staffPhone: String?
  var recordedPrincipalId: String
  var recordedDisplayName: String
  var recordedUnit: String

  mutating func didInsert(_ inserted: InsertionSuccess) {
    noticeSeq = inserted.rowID
  }

  var recorded: StoredStamp {
    StoredStamp(
      principalId: recordedPrincipalId, displayName: recordedDisplayName, unitCode: recordedUnit,
      microseconds: timeUs)
  }
}
