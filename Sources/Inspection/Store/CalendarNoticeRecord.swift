import Foundation
import GRDB
import ReformStore

/// A year's loaded notice of days off: a row of `inspection_calendar_notice`, one per year.
struct CalendarNoticeRecord: SnakeCaseRecord, PersistableRecord {
  static let databaseTableName = "inspection_calendar_notice"

  var year: Int
  /// The `InspectionCalendarNotice` as loaded, `loaded_at` and `loaded_by` set, in wire bytes.
  var notice: Data
  /// When it was loaded, UTC.
  var loadedAt: Date
  /// `Principal.id` of who loaded it; `built-in` for the notice the module ships.
  var loadedBy: String
}
