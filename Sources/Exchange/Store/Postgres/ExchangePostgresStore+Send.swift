import ExchangeDomain
import Foundation
import PostgresNIO
import ReformKit
import ReformStore

extension ExchangePostgresStore {
  func earlierAnswer(_ claim: IdempotencyClaim?) async throws -> Data? {
    guard let claim else { return nil }
    return try await database.read { db in try await self.ledger.answer(to: claim, on: db).map { Data($0) } }
  }

  /// Sends `plan` in one transaction, as ``ExchangeStore/send(_:clock:respond:)`` does, with
  /// the locks the type's notes list: the key's, the document's and its duplicate key's, then
  /// every counter row the send advances, in one order.
  func send(
    _ plan: SendPlan, clock: @escaping @Sendable () -> Date,
    respond: @escaping @Sendable (StoredDocument, [DeliveryRecord]) throws -> Data
  ) async throws -> SendOutcome {
    try await database.write { db in
      if let claim = plan.claim {
        try await self.ledger.lock(claim, on: db)
        if let earlier = try await self.ledger.answer(to: claim, on: db) { return .replayed(Data(earlier)) }
      }
      let outgoing = plan.outgoing
      let key = outgoing.duplicateKey
      for name in [
        ["document", outgoing.documentId.description],
        ["duplicate", key.organId.rawValue, String(key.year), key.codeNumber, key.codeNotation],
      ].sorted(by: { $0.joined() < $1.joined() }) {
        try await Self.advisoryLock(name, db)
      }
      var document = try await plan.documentRow(among: Self.duplicateCandidates(of: outgoing.documentId, db))
      // The arrival year decides which số đến counters to lock; the arrival time is read once
      // they are held, so that arrival times follow numbers. Across midnight of 31 December
      // the year read after the locks may be the next one: lock that year's counters too.
      var year = CivilDate(clock()).year
      var counters: PostgresCounters
      var now: Date
      while true {
        counters = try await PostgresCounters.lock(Self.counterKeys(plan, year: year, sentUnit: document.sentUnit), in: Self.counters, on: db)
        now = clock()
        let arrivalYear = CivilDate(Microseconds.date(Microseconds.of(now))).year
        if arrivalYear == year { break }
        year = arrivalYear
      }
      let nowUs = Microseconds.of(now)
      let arrivalDay = CivilDate(Microseconds.date(nowUs))
      document.sentUs = nowUs
      for var attachment in plan.newAttachments {
        attachment.committedUs = nowUs
        try await db.insert(attachment, into: AttachmentRecord.databaseTableName)
      }
      guard let docSeq = try await db.insert(document, into: DocumentRecord.databaseTableName, returning: "doc_seq") else {
        throw StoreInconsistency("a document was stored without a key")
      }
      document.docSeq = docSeq
      for (position, attachmentId) in plan.attachmentIds.enumerated() {
        try await db.insert(
          DocumentAttachmentRecord(docSeq: docSeq, position: position, attachmentId: attachmentId),
          into: DocumentAttachmentRecord.databaseTableName)
      }
      let attachments = try await Self.attachments(of: docSeq, db)
      var deliveries: [DeliveryRecord] = []
      var events: [(unitCode: String, kind: EventRecord.Kind, deliverySeq: Int64, noticeSeq: Int64?)] = []
      for receiver in plan.receivers {
        let number = counters.next(PostgresCounters.Key("arrival", receiver.organId, year: arrivalDay.year))
        var delivery = DeliveryRecord(arrivalOf: docSeq, at: receiver, arrivalNumber: number, arrivalUs: nowUs)
        guard let deliverySeq = try await db.insert(delivery, into: DeliveryRecord.databaseTableName, returning: "delivery_seq")
        else { throw StoreInconsistency("a copy was stored without a key") }
        delivery.deliverySeq = deliverySeq
        let arrived = NoticeRecord(arrivalOf: deliverySeq, sending: plan, sentUnit: document.sentUnit, timeUs: nowUs)
        let noticeSeq = try await db.insert(arrived, into: NoticeRecord.databaseTableName, returning: "notice_seq")
        events.append((receiver.unitCode, .arrival, deliverySeq, nil))
        if !document.sentUnit.isEmpty { events.append((document.sentUnit, .notice, deliverySeq, noticeSeq)) }
        deliveries.append(delivery)
      }
      try await Self.insertEvents(events, notifying: self.channel, counters: &counters, db)
      try await counters.save(on: db)
      let stored = StoredDocument(record: document, attachments: attachments)
      let response = try respond(stored, deliveries)
      if let claim = plan.claim { try await self.ledger.record(Array(response), for: claim, at: now, on: db) }
      return .sent(stored, deliveries, response: response)
    }
  }

  /// Every counter a send of `plan` in `year` advances.
  private static func counterKeys(_ plan: SendPlan, year: Int, sentUnit: String) -> Set<PostgresCounters.Key> {
    var keys: Set<PostgresCounters.Key> = []
    for receiver in plan.receivers {
      keys.insert(PostgresCounters.Key("arrival", receiver.organId, year: year))
      keys.insert(eventKey(receiver.unitCode))
    }
    if !sentUnit.isEmpty { keys.insert(eventKey(sentUnit)) }
    return keys
  }

  func duplicateMatches(of documentId: DocumentId) async throws
    -> [(match: DuplicateMatch, sender: UnitOrgan, sent: StoredStamp)]
  {
    try await database.read { db in
      DocumentRecord.duplicateMatches(of: documentId, among: try await Self.duplicateCandidates(of: documentId, db))
    }
  }

  /// The stored documents with `documentId` or its duplicate key, oldest first.
  private static func duplicateCandidates(of documentId: DocumentId, _ db: PostgresConnection) async throws
    -> [DocumentRecord]
  {
    let key = DuplicateKey(documentId)
    return try await db.records(
      DocumentRecord.self,
      """
      SELECT * FROM exchange_documents
      WHERE document_id = \(documentId.description)
        OR (dup_organ_id = \(key.organId.rawValue) AND dup_year = \(key.year) AND dup_number = \(key.codeNumber)
            AND dup_notation = \(key.codeNotation))
      ORDER BY doc_seq
      """)
  }
}
