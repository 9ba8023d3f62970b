import Foundation
import GRDB
import ReformKit
import ReformWire

extension InspectionStore {
  func notice(year: Int) async throws -> InspectionCalendarNotice? {
    let bytes = try await reading { db in try CalendarNoticeRecord.fetchOne(db, key: year)?.notice }
    return try bytes.map { bytes in try Self.decode(InspectionCalendarNotice.self, bytes, what: "notice \(year)") }
  }

  func saveNotice(_ notice: InspectionCalendarNotice) async throws {
    let record = try CalendarNoticeRecord(notice)
    try await writing { db in try record.save(db) }
  }

  func removeNotice(year: Int) async throws {
    _ = try await writing { db in try CalendarNoticeRecord.deleteOne(db, key: year) }
  }
}
