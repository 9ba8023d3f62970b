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
      var document = Self.documentRow(plan)
      if let confirmation = try Self.admitDuplicate(plan.outgoing.documentId, reason: plan.confirmDuplicateReason, db) {
        document.duplicateReason = confirmation.reason
        document.duplicateOf = confirmation.duplicateOf.map(\.description).joined(separator: "\n")
      }
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
        var delivery = DeliveryRecord(
          docSeq: docSeq, receiverUnit: receiver.unitCode, receiverOrganId: receiver.organId,
          receiverName: receiver.name, arrivalYear: arrivalDay.year,
          arrivalNumber: try Self.nextArrivalNumber(organId: receiver.organId, year: arrivalDay.year, db),
          arrivalUs: nowUs, arrivalDate: arrivalDay.iso, status: NoticeCode.arrived.rawValue, recallStatus: 0,
          lastNoticeUs: nowUs)
        try delivery.insert(db)
        guard let deliverySeq = delivery.deliverySeq else { throw StoreInconsistency("a copy was stored without a key") }
        var arrived = NoticeRecord(
          noticeId: ExchangeIDs.make(.notice), deliverySeq: deliverySeq, code: NoticeCode.arrived.rawValue,
          bySender: false, detail: "", timeUs: nowUs, recordedPrincipalId: plan.principalId,
          recordedDisplayName: plan.displayName, recordedUnit: document.sentUnit)
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

  /// The row of `plan`'s document, but for the sent time and a duplicate's confirmation.
  private static func documentRow(_ plan: SendPlan) -> DocumentRecord {
    let outgoing = plan.outgoing
    let key = outgoing.duplicateKey
    return DocumentRecord(
      documentId: outgoing.documentId.description, senderUnit: outgoing.sendingUnit, senderOrganId: outgoing.sender.organId,
      senderName: outgoing.sender.name, dupOrganId: key.organId.rawValue, dupYear: key.year, dupNumber: key.codeNumber,
      dupNotation: key.codeNotation, issuedDate: outgoing.issuedDate.iso, dueDate: outgoing.dueDate?.iso,
      urgency: outgoing.urgency.rawValue, subjectFolded: outgoing.searchableSubject, metadata: plan.metadata,
      sentPrincipalId: plan.principalId, sentDisplayName: plan.displayName, sentUnit: outgoing.answeringUnit, sentUs: 0)
  }

  /// The earlier documents that `documentId` duplicates, by either rule, oldest first.
  func duplicateMatches(of documentId: DocumentId) async throws
    -> [(match: DuplicateMatch, sender: UnitOrgan, sent: StoredStamp)]
  {
    try await database.read { db in
      let candidates = try Self.duplicateCandidates(of: documentId, db)
      let matches = DuplicateCheck.matches(of: documentId, among: candidates.compactMap(\.parsedId))
      return matches.compactMap { match in
        candidates.first { $0.parsedId == match.documentId }.map { (match, $0.record.sender, $0.record.sent) }
      }
    }
  }

  /// The confirmation to record when `documentId` duplicates stored documents and `reason`
  /// confirms it; nil when it duplicates none; ``DuplicateError`` when `reason` is blank.
  private static func admitDuplicate(_ documentId: DocumentId, reason: String, _ db: Database) throws
    -> DuplicateConfirmation?
  {
    let candidates = try duplicateCandidates(of: documentId, db).compactMap(\.parsedId)
    return try DuplicateCheck.admit(DuplicateCheck.matches(of: documentId, among: candidates), reason: reason)
  }

  private static func duplicateCandidates(of documentId: DocumentId, _ db: Database) throws
    -> [(record: DocumentRecord, parsedId: DocumentId?)]
  {
    let key = DuplicateKey(documentId)
    let rows = try DocumentRecord.fetchAll(
      db,
      sql: """
        SELECT * FROM exchange_documents
        WHERE document_id = ? OR (dup_organ_id = ? AND dup_year = ? AND dup_number = ? AND dup_notation = ?)
        ORDER BY doc_seq
        """,
      arguments: [documentId.description, key.organId.rawValue, key.year, key.codeNumber, key.codeNotation])
    return rows.map { row in (row, try? DocumentId(parsing: row.documentId)) }
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
