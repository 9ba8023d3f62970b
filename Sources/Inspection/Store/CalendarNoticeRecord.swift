import Foundation
import GRDB
import InspectionDomain
import ReformStore
import ReformWire

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

extension CalendarNoticeRecord {
  /// `loaded_by` of the notice the module ships.
  static let builtIn = "built-in"

  /// The row of `notice` as loaded (its `loaded_at`, or now when it has none).
  init(_ notice: InspectionCalendarNotice) throws {
    self.init(
      year: Int(notice.year), notice: Data(try notice.wireBytes()), loadedAt: notice.loadedAt?.date ?? Date(),
      loadedBy: notice.loadedBy)
  }

  /// The 2026 notice the module ships, as loaded at `date`: present until an operator replaces
  /// or removes it.
  static func vietnam2026(loadedAt date: Date) throws -> CalendarNoticeRecord {
    var record = try CalendarNoticeRecord(CalendarNotice.vietnam2026.wire(loadedAt: Timestamp(date), loadedBy: builtIn))
    record.loadedAt = date
    return record
  }
}
