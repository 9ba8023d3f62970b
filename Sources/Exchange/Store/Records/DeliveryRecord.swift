import ExchangeDomain
import GRDB
import ReformStore

/// A row of `exchange_deliveries`: one receiver's copy of a document, with its arrival number
/// (unique per receiving OrganId and year, enforced by the table) and its current state.
///
/// The day columns record when the copy was completed, refused or voided, so that "overdue as
/// of a day" can be answered for any past day.
struct DeliveryRecord: SnakeCaseRecord {
  static let databaseTableName = "exchange_deliveries"

  var deliverySeq: Int64?
  var docSeq: Int64
  var receiverUnit: String
  var receiverOrganId: String
  var receiverName: String
  var arrivalYear: Int
  var arrivalNumber: Int64
  var arrivalUs: Int64
  /// `yyyy-mm-dd` in Asia/Ho_Chi_Minh.
  var arrivalDate: String
  /// The last processing notice, 1–6.
  var status: Int
  /// 0 (no recall), 13, 15 or 16.
  var recallStatus: Int
  var lastNoticeUs: Int64
  var doneDate: String?
  var refusedDate: String?
  var voidedPrincipalId: String?
  var voidedDisplayName: String?
  var voidedUnit: String?
  var voidedUs: Int64?
  var voidedDate: String?

  mutating func didInsert(_ inserted: InsertionSuccess) {
    deliverySeq = inserted.rowID
  }

  /// The receiving unit.
  var receiver: UnitOrgan { UnitOrgan(unitCode: receiverUnit, organId: receiverOrganId, name: receiverName) }

  var voided: StoredStamp? {
    StoredStamp(principalId: voidedPrincipalId, displayName: voidedDisplayName, unitCode: voidedUnit, microseconds: voidedUs)
  }

  /// Voids the copy (its receiver agreed to the recall) as `stamp` says, on `day` (`yyyy-mm-dd`).
  mutating func void(_ stamp: StoredStamp, day: String) {
    voidedPrincipalId = stamp.principalId
    voidedDisplayName = stamp.displayName
    voidedUnit = stamp.unitCode
    voidedUs = stamp.microseconds
    voidedDate = day
  }
}
