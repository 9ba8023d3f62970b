import ExchangeDomain
import Foundation
import GRDB
import ReformKit
import ReformStore

extension ExchangeStore {
  /// The stored answer to an earlier request with `claim`'s key, nil when there is none; the
  /// same key with another request is refused (``ExchangeStoreRefusal``). A read, to answer a repeat before
  /// doing any work; the write transaction asks again.
  func earlierAnswer(_ claim: IdempotencyClaim?) async throws -> Data? {
    guard let claim else { return nil }
    return try await database.read { db in try Self.ledger.answer(to: claim, in: db).map { Data($0) } }
  }

  /// Sends `plan` in one transaction: answers a repeat of its key, refuses an unconfirmed
  /// duplicate (``DuplicateError``), then stores the document and gives each receiver the next
  /// arrival number of its year, the copy at 01, the 01 notice back to the sender, and the Watch
  /// events. `respond` makes the answer kept for repeats.
  func send(
    _ plan: SendPlan, clock: @escaping @Sendable () -> Date,
    respond: @escaping @Sendable (StoredDocument, [DeliveryRecord]) throws -> Data
  ) async throws -> SendOutcome {
    try await database.write { db in
      if let claim = plan.claim, let earlier = try Self.ledger.answer(to: claim, in: db) { return .replayed(Data(earlier)) }
      var document = try plan.documentRow(among: Self.duplicateCandidates(of: plan.outgoing.documentId, db))
      // The arrival time is taken with the write lock held, so arrival times follow numbers.
      let now = clock()
      let nowUs = Microseconds.of(now)
      let arrivalDay = CivilDate(Microseconds.date(nowUs))
      document.sentUs = nowUs
      for var attachment in plan.newAttachments {
        attachment.committedUs = nowUs
        try attachment.insert(db)
      }
      try document.insert(db)
      guard let docSeq = document.docSeq else { throw StoreInconsistency("a document was stored without a key") }
      var attachments: [AttachmentRecord] = []
      for (position, attachmentId) in plan.attachmentIds.enumerated() {
        var link = DocumentAttachmentRecord(docSeq: docSeq, position: position, attachmentId: attachmentId)
        try link.insert(db)
        if let attachment = try AttachmentRecord.fetchOne(db, key: attachmentId) { attachments.append(attachment) }
      }
      var deliveries: [DeliveryRecord] = []
      for receiver in plan.receivers {
        let number = try Self.nextArrivalNumber(organId: receiver.organId, year: arrivalDay.year, db)
        var delivery = DeliveryRecord(arrivalOf: docSeq, at: receiver, arrivalNumber: number, arrivalUs: nowUs)
        try delivery.insert(db)
        guard let deliverySeq = delivery.deliverySeq else { throw StoreInconsistency("a copy was stored without a key") }
        var arrived = NoticeRecord(arrivalOf: deliverySeq, sending: plan, sentUnit: document.sentUnit, timeUs: nowUs)
        try arrived.insert(db)
        var arrival = EventRecord(unitCode: receiver.unitCode, kind: .arrival, deliverySeq: deliverySeq)
        try arrival.insert(db)
        if !document.sentUnit.isEmpty {
          var notice = EventRecord(
            unitCode: document.sentUnit, kind: .notice, deliverySeq: deliverySeq, noticeSeq: arrived.noticeSeq)
          try notice.insert(db)
        }
        deliveries.append(delivery)
      }
      let stored = StoredDocument(record: document, attachments: attachments)
      let response = try respond(stored, deliveries)
      if let claim = plan.claim { try Self.ledger.record(Array(response), for: claim, at: now, in: db) }
      return .sent(stored, deliveries, response: response)
    }
  }

  /// The earlier documents that `documentId` duplicates, by either rule, oldest first.
  func duplicateMatches(of documentId: DocumentId) async throws
    -> [(match: DuplicateMatch, sender: UnitOrgan, sent: StoredStamp)]
  {
    try await database.read { db in
      DocumentRecord.duplicateMatches(of: documentId, among: try Self.duplicateCandidates(of: documentId, db))
    }
  }

  /// The stored documents with `documentId` or its duplicate key, oldest first.
  private static func duplicateCandidates(of documentId: DocumentId, _ db: Database) throws -> [DocumentRecord] {
    let key = DuplicateKey(documentId)
    return try DocumentRecord.fetchAll(
      db,
      sql: """
        SELECT * FROM exchange_documents
        WHERE document_id = ? OR (dup_organ_id = ? AND dup_year = ? AND dup_number = ? AND dup_notation = ?)
        ORDER BY doc_seq
        """,
      arguments: [documentId.description, key.organId.rawValue, key.year, key.codeNumber, key.codeNotation])
  }

  /// The next số đến of `organId` in `year`: one more than the highest given, inside the
  /// caller's write transaction. Copies are never deleted (a voided one keeps its number), so
  /// the numbers stay gapless.
  private static func nextArrivalNumber(organId: String, year: Int, _ db: Database) throws -> Int64 {
    let highest = try Int64.fetchOne(
      db, sql: "SELECT MAX(arrival_number) FROM exchange_deliveries WHERE receiver_organ_id = ? AND arrival_year = ?",
      arguments: [organId, year])
    return (highest ?? 0) + 1
  }
}
