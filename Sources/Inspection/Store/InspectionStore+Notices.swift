import Foundation
import GRDB
import GRPCCore
import ReformWire

extension InspectionStore {
  /// The notice loaded for `year`, as it was loaded.
  func notice(year: Int) async throws(RPCError) -> InspectionCalendarNotice? {
    let bytes = try await reading { db in try CalendarNoticeRecord.fetchOne(db, key: year)?.notice }
    return try bytes.map { bytes throws(RPCError) in
      try Self.decode(InspectionCalendarNotice.self, bytes, what: "notice \(year)")
    }
  }

  /// Loads `notice` for its year, replacing any earlier one.
  func saveNotice(_ notice: InspectionCalendarNotice) async throws(RPCError) {
    let record = CalendarNoticeRecord(
      year: Int(notice.year), notice: Data(try Self.encode(notice)),
      loadedAt: notice.loadedAt?.date ?? Date(), loadedBy: notice.loadedBy)
    try await writing { db in try record.save(db) }
  }

  /// Removes the notice of `year`, if any.
  func removeNotice(year: Int) async throws(RPCError) {
    _ = try await writing { db in try CalendarNoticeRecord.deleteOne(db, key: year) }
  }

  /// `message`'s wire bytes.
  static func encode(_ message: some WireMessage) throws(RPCError) -> [UInt8] {
    do {
      return try message.wireBytes()
    } catch {
      throw RPCError(error)
    }
  }

  /// A stored message, or `DATA_LOSS` when its bytes no longer decode.
  static func decode<M: WireMessage>(_ type: M.Type, _ bytes: Data, what: String) throws(RPCError) -> M {
    do {
      return try M(wireBytes: [UInt8](bytes))
    } catch {
      throw RPCError(code: .dataLoss, message: "the stored \(what) does not decode: \(error)")
    }
  }
}
