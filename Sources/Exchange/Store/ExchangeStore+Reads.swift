import GRDB

extension ExchangeStore {
  /// The latest document sent as `documentId` that `partyUnit` sent or received (any, when nil),
  /// with its copies and, when `withNotices`, their notices; read in one snapshot.
  func bundle(documentId: String, partyUnit: String?, withNotices: Bool) async throws -> DocumentBundle? {
    try await database.read { db in
      var sql: SQL = "SELECT * FROM exchange_documents doc WHERE document_id = \(documentId)"
      if let partyUnit {
        sql.append(
          literal: """
             AND (sent_unit = \(partyUnit) OR EXISTS (
              SELECT 1 FROM exchange_deliveries d WHERE d.doc_seq = doc.doc_seq AND d.receiver_unit = \(partyUnit)))
            """)
      }
      sql.append(literal: " ORDER BY doc_seq DESC LIMIT 1")
      guard let record = try DocumentRecord.fetchOne(db, SQLRequest(literal: sql)), let docSeq = record.docSeq else {
        return nil
      }
      let deliveries = try DeliveryRecord.filter(Column("doc_seq") == docSeq).order(Column("delivery_seq")).fetchAll(db)
      let notices = withNotices ? try Self.notices(of: deliveries.compactMap(\.deliverySeq), db) : [:]
      return DocumentBundle(
        document: StoredDocument(record: record, attachments: try Self.attachments(of: docSeq, db)),
        deliveries: deliveries, notices: notices)
    }
  }

  /// The documents `docSeqs` with their attachments, by key.
  static func documents(_ docSeqs: some Collection<Int64>, _ db: Database) throws -> [Int64: StoredDocument] {
    guard !docSeqs.isEmpty else { return [:] }
    let records = try DocumentRecord.filter(keys: Array(Set(docSeqs))).fetchAll(db)
    let links = try DocumentAttachmentRecord.filter(Array(Set(docSeqs)).contains(Column("doc_seq")))
      .order(Column("doc_seq"), Column("position")).fetchAll(db)
    let attachments = try AttachmentRecord.filter(keys: Set(links.map(\.attachmentId))).fetchAll(db)
    return StoredDocument.byDocSeq(records, links: links, attachments: attachments)
  }

  /// The attachments of `docSeq`, in order.
  static func attachments(of docSeq: Int64, _ db: Database) throws -> [AttachmentRecord] {
    try AttachmentRecord.fetchAll(
      db,
      sql: """
        SELECT a.* FROM exchange_attachments a
        JOIN exchange_document_attachments l ON l.attachment_id = a.attachment_id
        WHERE l.doc_seq = ? ORDER BY l.position
        """,
      arguments: [docSeq])
  }

  /// The notices about `deliverySeqs`, by copy, oldest first.
  static func notices(of deliverySeqs: [Int64], _ db: Database) throws -> [Int64: [NoticeRecord]] {
    guard !deliverySeqs.isEmpty else { return [:] }
    let notices = try NoticeRecord.filter(deliverySeqs.contains(Column("delivery_seq")))
      .order(Column("notice_seq")).fetchAll(db)
    return Dictionary(grouping: notices, by: \.deliverySeq)
  }
}
