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
    let record = CalendarNoticeRecord(
      year: Int(notice.year), notice: Data(try notice.wireBytes()),
      loadedAt: notice.loadedAt?.date ?? Date(), loadedBy: notice.loadedBy)
    try await writing { db in try record.save(db) }
  }

  func removeNotice(year: Int) async throws {
    _ = try await writing { db in try CalendarNoticeRecord.deleteOne(db, key: year) }
  }

  /// A stored message, or ``StoreFailure/corrupt(store:detail:)`` when its bytes no longer
  /// decode.
  static func decode<M: WireMessage>(_ type: M.Type, _ bytes: Data, what: String) throws(StoreFailure) -> M {
    do {
      return try M(wireBytes: [UInt8](bytes))
    } catch {
      throw .corrupt(store: "inspection", detail: "the stored \(what) does not decode: \(error)")
    }
  }
}
