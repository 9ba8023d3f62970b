import ExchangeDomain
import GRDB

extension ExchangeStore {
  /// A page of a unit's inbox, urgent first then by arrival, and the Watch cursor of the same
  /// snapshot: watching from it misses nothing that arrives after the list was read.
  func inbox(_ query: InboxQuery) async throws -> (page: ListPage<IncomingRow>, cursor: Int64) {
    try await database.read { db in
      var filter: SQL = "d.receiver_unit = \(query.unitCode)"
      if !query.includeVoided { filter.append(literal: " AND d.recall_status != \(NoticeCode.recallAgreed.rawValue)") }
      if !query.statuses.isEmpty { filter.append(literal: " AND d.status IN \(query.statuses)") }
      if !query.urgencies.isEmpty { filter.append(literal: " AND doc.urgency IN \(query.urgencies)") }
      if let dates = query.arrivalDates {
        filter.append(literal: " AND d.arrival_date BETWEEN \(dates.lowerBound.iso) AND \(dates.upperBound.iso)")
      }
      if query.overdueOnly { filter.append(literal: " AND \(OverdueRule.sql(asOf: query.today))") }
      if let pattern = query.subjectPattern { filter.append(literal: " AND doc.subject_folded LIKE \(pattern) ESCAPE '\\'") }
      let from: SQL = "FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq WHERE "
      let total = try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT COUNT(*) \(from)\(filter)")) ?? 0
      var page: SQL = filter
      let direction: SQL = query.newestFirst ? "DESC" : "ASC"
      if let after = query.after {
        let comparison: SQL = query.newestFirst ? "<" : ">"
        page.append(
          literal: """
             AND (doc.urgency < \(after.urgency) OR (doc.urgency = \(after.urgency)
              AND (d.arrival_year, d.arrival_number, d.delivery_seq) \(comparison) (\(after.year), \(after.number), \(after.deliverySeq))))
            """)
      }
      let deliveries = try DeliveryRecord.fetchAll(
        db,
        SQLRequest<DeliveryRecord>(
          literal: """
            SELECT d.* \(from)\(page)
            ORDER BY doc.urgency DESC, d.arrival_year \(direction), d.arrival_number \(direction), d.delivery_seq \(direction)
            LIMIT \(query.pageSize + 1)
            """))
      let cursor = try Self.latestEventSeq(db)
      return (try Self.page(deliveries, size: query.pageSize, total: total, db), cursor)
    }
  }

  /// A page of a unit's outbox, newest first, with every copy of each document.
  func sent(_ query: SentQuery) async throws -> ListPage<(document: StoredDocument, deliveries: [DeliveryRecord])> {
    try await database.read { db in
      var filter: SQL = "doc.sent_unit = \(query.unitCode)"
      if let dates = query.issuedDates {
        filter.append(literal: " AND doc.issued_date BETWEEN \(dates.lowerBound.iso) AND \(dates.upperBound.iso)")
      }
      if let pattern = query.subjectPattern { filter.append(literal: " AND doc.subject_folded LIKE \(pattern) ESCAPE '\\'") }
      if query.overdueOnly {
        filter.append(
          literal: " AND EXISTS (SELECT 1 FROM exchange_deliveries d WHERE d.doc_seq = doc.doc_seq AND \(OverdueRule.sql(asOf: query.today)))")
      }
      let total = try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT COUNT(*) FROM exchange_documents doc WHERE \(filter)")) ?? 0
      var page = filter
      if let after = query.afterDocSeq { page.append(literal: " AND doc.doc_seq < \(after)") }
      let records = try DocumentRecord.fetchAll(
        db,
        SQLRequest<DocumentRecord>(
          literal: "SELECT doc.* FROM exchange_documents doc WHERE \(page) ORDER BY doc.doc_seq DESC LIMIT \(query.pageSize + 1)"))
      let kept = Array(records.prefix(query.pageSize))
      let seqs = kept.compactMap(\.docSeq)
      let documents = try Self.documents(seqs, db)
      let deliveries = try DeliveryRecord.filter(seqs.contains(Column("doc_seq"))).order(Column("delivery_seq")).fetchAll(db)
      let byDocument = Dictionary(grouping: deliveries, by: \.docSeq)
      let items = seqs.compactMap { seq in documents[seq].map { ($0, byDocument[seq] ?? []) } }
      return ListPage(items: items, totalCount: total, hasMore: records.count > query.pageSize)
    }
  }

  /// A page of overdue copies, by unit then most overdue first, and the number each unit has
  /// over all pages.
  func overdue(_ query: OverdueQuery) async throws -> (page: ListPage<IncomingRow>, totals: [(String, Int)]) {
    try await database.read { db in
      var filter: SQL = OverdueRule.sql(asOf: query.asOf)
      if !query.unitCodes.isEmpty { filter.append(literal: " AND d.receiver_unit IN \(query.unitCodes)") }
      let from: SQL = "FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq WHERE "
      let totalRows = try Row.fetchAll(
        db,
        SQLRequest<Row>(
          literal: "SELECT d.receiver_unit AS unit, COUNT(*) AS overdue \(from)\(filter) GROUP BY d.receiver_unit ORDER BY d.receiver_unit"))
      let totals: [(String, Int)] = totalRows.map { ($0["unit"], $0["overdue"]) }
      var page = filter
      if let after = query.after {
        page.append(
          literal: " AND (d.receiver_unit, doc.due_date, d.delivery_seq) > (\(after.unitCode), \(after.dueDate), \(after.deliverySeq))")
      }
      let deliveries = try DeliveryRecord.fetchAll(
        db,
        SQLRequest<DeliveryRecord>(
          literal: """
            SELECT d.* \(from)\(page)
            ORDER BY d.receiver_unit, doc.due_date, d.delivery_seq LIMIT \(query.pageSize + 1)
            """))
      let total = totals.reduce(0) { $0 + $1.1 }
      return (try Self.page(deliveries, size: query.pageSize, total: total, db), totals)
    }
  }

  /// The first `size` of `deliveries` with their documents.
  private static func page(_ deliveries: [DeliveryRecord], size: Int, total: Int, _ db: Database) throws
    -> ListPage<IncomingRow>
  {
    let kept = Array(deliveries.prefix(size))
    let documents = try documents(kept.map(\.docSeq), db)
    let rows = kept.compactMap { delivery in documents[delivery.docSeq].map { IncomingRow(delivery: delivery, document: $0) } }
    return ListPage(items: rows, totalCount: total, hasMore: deliveries.count > size)
  }
}
