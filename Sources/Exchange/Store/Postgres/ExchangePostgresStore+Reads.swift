import ExchangeDomain
import Foundation
import PostgresNIO
import ReformKit
import ReformStore

extension ExchangePostgresStore {
  func bundle(documentId: String, partyUnit: String?, withNotices: Bool) async throws -> DocumentBundle? {
    try await database.read { db in
      var statement: PostgresStatement = "SELECT * FROM exchange_documents doc WHERE document_id = \(documentId)"
      if let partyUnit {
        statement.append(
          """
           AND (sent_unit = \(partyUnit) OR EXISTS (
            SELECT 1 FROM exchange_deliveries d WHERE d.doc_seq = doc.doc_seq AND d.receiver_unit = \(partyUnit)))
          """)
      }
      statement.append(" ORDER BY doc_seq DESC LIMIT 1")
      guard let record = try await db.record(DocumentRecord.self, statement), let docSeq = record.docSeq else { return nil }
      let deliveries = try await db.records(
        DeliveryRecord.self, "SELECT * FROM exchange_deliveries WHERE doc_seq = \(docSeq) ORDER BY delivery_seq")
      let notices = withNotices ? try await Self.notices(of: deliveries.compactMap(\.deliverySeq), db) : [:]
      return DocumentBundle(
        document: StoredDocument(record: record, attachments: try await Self.attachments(of: docSeq, db)),
        deliveries: deliveries, notices: notices)
    }
  }

  /// The documents `docSeqs` with their attachments, by key.
  static func documents(_ docSeqs: some Collection<Int64>, _ db: PostgresConnection) async throws -> [Int64: StoredDocument] {
    guard !docSeqs.isEmpty else { return [:] }
    let seqs = Array(Set(docSeqs))
    let records = try await db.records(DocumentRecord.self, "SELECT * FROM exchange_documents WHERE doc_seq = ANY(\(seqs))")
    let links = try await db.records(
      DocumentAttachmentRecord.self,
      "SELECT * FROM exchange_document_attachments WHERE doc_seq = ANY(\(seqs)) ORDER BY doc_seq, position")
    let attachments = try await db.records(
      AttachmentRecord.self, "SELECT * FROM exchange_attachments WHERE attachment_id = ANY(\(Array(Set(links.map(\.attachmentId)))))")
    return StoredDocument.byDocSeq(records, links: links, attachments: attachments)
  }

  /// The attachments of `docSeq`, in order.
  static func attachments(of docSeq: Int64, _ db: PostgresConnection) async throws -> [AttachmentRecord] {
    try await db.records(
      AttachmentRecord.self,
      """
      SELECT a.* FROM exchange_attachments a
      JOIN exchange_document_attachments l ON l.attachment_id = a.attachment_id
      WHERE l.doc_seq = \(docSeq) ORDER BY l.position
      """)
  }

  /// The notices about `deliverySeqs`, by copy, oldest first.
  static func notices(of deliverySeqs: [Int64], _ db: PostgresConnection) async throws -> [Int64: [NoticeRecord]] {
    guard !deliverySeqs.isEmpty else { return [:] }
    let notices = try await db.records(
      NoticeRecord.self, "SELECT * FROM exchange_notices WHERE delivery_seq = ANY(\(deliverySeqs)) ORDER BY notice_seq")
    return Dictionary(grouping: notices, by: \.deliverySeq)
  }

  func inbox(_ query: InboxQuery) async throws -> (page: ListPage<IncomingRow>, cursor: Int64) {
    try await database.read { db in
      var filter: PostgresStatement = "d.receiver_unit = \(query.unitCode)"
      if !query.includeVoided { filter.append(" AND d.recall_status != \(NoticeCode.recallAgreed.rawValue)") }
      if !query.statuses.isEmpty { filter.append(" AND d.status = ANY(\(query.statuses))") }
      if !query.urgencies.isEmpty { filter.append(" AND doc.urgency = ANY(\(query.urgencies))") }
      if let dates = query.arrivalDates {
        filter.append(" AND d.arrival_date BETWEEN \(dates.lowerBound.iso) AND \(dates.upperBound.iso)")
      }
      if query.overdueOnly { filter.append(" AND \(OverdueRule.postgres(asOf: query.today))") }
      if let pattern = query.subjectPattern { filter.append(" AND doc.subject_folded LIKE \(pattern) ESCAPE '\\'") }
      let from: PostgresStatement = "FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq WHERE "
      let total = try await db.value(Int64.self, "SELECT COUNT(*) \(from)\(filter)") ?? 0
      var page = filter
      let direction = query.newestFirst ? "DESC" : "ASC"
      if let after = query.after {
        let comparison = query.newestFirst ? "<" : ">"
        page.append(
          """
           AND (doc.urgency < \(after.urgency) OR (doc.urgency = \(after.urgency)
            AND (d.arrival_year, d.arrival_number, d.delivery_seq) \(sql: comparison) (\(after.year), \(after.number), \(after.deliverySeq))))
          """)
      }
      let deliveries = try await db.records(
        DeliveryRecord.self,
        """
        SELECT d.* \(from)\(page)
        ORDER BY doc.urgency DESC, d.arrival_year \(sql: direction), d.arrival_number \(sql: direction), d.delivery_seq \(sql: direction)
        LIMIT \(query.pageSize + 1)
        """)
      let cursor = try await Self.latestEventSeq(unitCode: query.unitCode, db)
      return (try await Self.page(deliveries, size: query.pageSize, total: Int(total), db), cursor)
    }
  }

  func sent(_ query: SentQuery) async throws -> ListPage<(document: StoredDocument, deliveries: [DeliveryRecord])> {
    try await database.read { db in
      var filter: PostgresStatement = "doc.sent_unit = \(query.unitCode)"
      if let dates = query.issuedDates {
        filter.append(" AND doc.issued_date BETWEEN \(dates.lowerBound.iso) AND \(dates.upperBound.iso)")
      }
      if let pattern = query.subjectPattern { filter.append(" AND doc.subject_folded LIKE \(pattern) ESCAPE '\\'") }
      if query.overdueOnly {
        filter.append(
          " AND EXISTS (SELECT 1 FROM exchange_deliveries d WHERE d.doc_seq = doc.doc_seq AND \(OverdueRule.postgres(asOf: query.today)))")
      }
      let total = try await db.value(Int64.self, "SELECT COUNT(*) FROM exchange_documents doc WHERE \(filter)") ?? 0
      var page = filter
      if let after = query.afterDocSeq { page.append(" AND doc.doc_seq < \(after)") }
      let records = try await db.records(
        DocumentRecord.self, "SELECT doc.* FROM exchange_documents doc WHERE \(page) ORDER BY doc.doc_seq DESC LIMIT \(query.pageSize + 1)")
      let kept = Array(records.prefix(query.pageSize))
      let seqs = kept.compactMap(\.docSeq)
      let documents = try await Self.documents(seqs, db)
      let deliveries = try await db.records(
        DeliveryRecord.self, "SELECT * FROM exchange_deliveries WHERE doc_seq = ANY(\(seqs)) ORDER BY delivery_seq")
      let byDocument = Dictionary(grouping: deliveries, by: \.docSeq)
      let items = seqs.compactMap { seq in documents[seq].map { ($0, byDocument[seq] ?? []) } }
      return ListPage(items: items, totalCount: Int(total), hasMore: records.count > query.pageSize)
    }
  }

  func overdue(_ query: OverdueQuery) async throws -> (page: ListPage<IncomingRow>, totals: [(String, Int)]) {
    try await database.read { db in
      var filter = OverdueRule.postgres(asOf: query.asOf)
      if !query.unitCodes.isEmpty { filter.append(" AND d.receiver_unit = ANY(\(query.unitCodes))") }
      let from: PostgresStatement = "FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq WHERE "
      let totals: [(String, Int)] = try await db.rows(
        "SELECT d.receiver_unit AS unit, COUNT(*) AS overdue \(from)\(filter) GROUP BY d.receiver_unit ORDER BY d.receiver_unit"
      ).map { row in (try row["unit"].decode(String.self), Int(try row["overdue"].decode(Int64.self))) }
      var page = filter
      if let after = query.after {
        page.append(" AND (d.receiver_unit, doc.due_date, d.delivery_seq) > (\(after.unitCode), \(after.dueDate), \(after.deliverySeq))")
      }
      let deliveries = try await db.records(
        DeliveryRecord.self,
        """
        SELECT d.* \(from)\(page)
        ORDER BY d.receiver_unit, doc.due_date, d.delivery_seq LIMIT \(query.pageSize + 1)
        """)
      let total = totals.reduce(0) { $0 + $1.1 }
      return (try await Self.page(deliveries, size: query.pageSize, total: total, db), totals)
    }
  }

  /// The first `size` of `deliveries` with their documents.
  private static func page(_ deliveries: [DeliveryRecord], size: Int, total: Int, _ db: PostgresConnection) async throws
    -> ListPage<IncomingRow>
  {
    let kept = Array(deliveries.prefix(size))
    let documents = try await documents(kept.map(\.docSeq), db)
    let rows = kept.compactMap { delivery in documents[delivery.docSeq].map { IncomingRow(delivery: delivery, document: $0) } }
    return ListPage(items: rows, totalCount: total, hasMore: deliveries.count > size)
  }

  func counts(unitCodes: [String], days: ClosedRange<CivilDate>, overdueDay: CivilDate) async throws -> [String: UnitCounts] {
    try await database.read { db in
      let first = days.lowerBound.iso
      let last = days.upperBound.iso
      let voided = NoticeCode.recallAgreed.rawValue
      var counts = UnitCounts.zero(for: unitCodes)
      func integer(_ row: PostgresRandomAccessRow, _ column: String) throws -> Int { Int(try row[column].decode(Int64.self)) }
      for row in try await db.rows(
        """
        SELECT sender_unit AS unit, COUNT(*) AS n FROM exchange_documents
        WHERE issued_date BETWEEN \(first) AND \(last) GROUP BY sender_unit
        """)
      {
        counts[try row["unit"].decode(String.self)]?.sent = try integer(row, "n")
      }
      for row in try await db.rows(
        """
        SELECT receiver_unit AS unit,
          COUNT(*) FILTER (WHERE recall_status != \(voided)) AS received,
          COUNT(*) FILTER (WHERE recall_status != \(voided) AND status = \(NoticeCode.done.rawValue)) AS completed,
          COUNT(*) FILTER (WHERE recall_status != \(voided) AND status = \(NoticeCode.refused.rawValue)) AS refused,
          COUNT(*) FILTER (WHERE recall_status = \(voided)) AS recalled
        FROM exchange_deliveries WHERE arrival_date BETWEEN \(first) AND \(last) GROUP BY receiver_unit
        """)
      {
        let unit = try row["unit"].decode(String.self)
        counts[unit]?.received = try integer(row, "received")
        counts[unit]?.completed = try integer(row, "completed")
        counts[unit]?.refused = try integer(row, "refused")
        counts[unit]?.recalled += try integer(row, "recalled")
      }
      for row in try await db.rows(
        """
        SELECT doc.sender_unit AS unit, COUNT(*) AS n
        FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq
        WHERE d.recall_status = \(voided) AND doc.issued_date BETWEEN \(first) AND \(last) GROUP BY doc.sender_unit
        """)
      {
        counts[try row["unit"].decode(String.self)]?.recalled += try integer(row, "n")
      }
      for row in try await db.rows(
        """
        SELECT d.receiver_unit AS unit, COUNT(*) AS n
        FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq
        WHERE \(OverdueRule.postgres(asOf: overdueDay)) GROUP BY d.receiver_unit
        """)
      {
        counts[try row["unit"].decode(String.self)]?.overdue = try integer(row, "n")
      }
      return counts
    }
  }
}
