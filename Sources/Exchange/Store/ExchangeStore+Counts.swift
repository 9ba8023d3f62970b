import ExchangeDomain
import GRDB
import ReformKit

extension ExchangeStore {
  /// The counts of each of `unitCodes` over `days`: documents sent (issued in the span), copies
  /// received (arrived in the span; voided ones only in `recalled`), of those completed (06)
  /// and refused (02), copies voided by recall sent or received, and copies overdue on
  /// `overdueDay`. Secret documents are never stored, so none is counted.
  func counts(unitCodes: [String], days: ClosedRange<CivilDate>, overdueDay: CivilDate) async throws
    -> [String: UnitCounts]
  {
    try await database.read { db in
      let first = days.lowerBound.iso
      let last = days.upperBound.iso
      let voided = NoticeCode.recallAgreed.rawValue
      var counts = UnitCounts.zero(for: unitCodes)
      let sentRows = try Row.fetchAll(
        db,
        sql: """
          SELECT sender_unit AS unit, COUNT(*) AS n FROM exchange_documents
          WHERE issued_date BETWEEN ? AND ? GROUP BY sender_unit
          """,
        arguments: [first, last])
      for row in sentRows { counts[row["unit"] as String]?.sent = row["n"] }
      let receivedRows = try Row.fetchAll(
        db,
        sql: """
          SELECT receiver_unit AS unit,
            SUM(recall_status != ?) AS received,
            SUM(recall_status != ? AND status = ?) AS completed,
            SUM(recall_status != ? AND status = ?) AS refused,
            SUM(recall_status = ?) AS recalled
          FROM exchange_deliveries WHERE arrival_date BETWEEN ? AND ? GROUP BY receiver_unit
          """,
        arguments: [
          voided, voided, NoticeCode.done.rawValue, voided, NoticeCode.refused.rawValue, voided, first, last,
        ])
      for row in receivedRows {
        let unit: String = row["unit"]
        counts[unit]?.received = row["received"]
        counts[unit]?.completed = row["completed"]
        counts[unit]?.refused = row["refused"]
        counts[unit]?.recalled += row["recalled"] as Int
      }
      let recalledSent = try Row.fetchAll(
        db,
        sql: """
          SELECT doc.sender_unit AS unit, COUNT(*) AS n
          FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq
          WHERE d.recall_status = ? AND doc.issued_date BETWEEN ? AND ? GROUP BY doc.sender_unit
          """,
        arguments: [voided, first, last])
      for row in recalledSent { counts[row["unit"] as String]?.recalled += row["n"] as Int }
      let overdueRows = try Row.fetchAll(
        db,
        SQLRequest<Row>(
          literal: """
            SELECT d.receiver_unit AS unit, COUNT(*) AS n
            FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq
            WHERE \(OverdueRule.sql(asOf: overdueDay)) GROUP BY d.receiver_unit
            """))
      for row in overdueRows { counts[row["unit"] as String]?.overdue = row["n"] }
      return counts
    }
  }
}
