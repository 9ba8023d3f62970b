import ExchangeDomain
import Foundation
import PostgresNIO
import ReformKit
import ReformStore

extension ExchangePostgresStore {
  /// Records a receiver's notice, as ``ExchangeStore/recordReceiverNotice(documentId:plan:clock:respond:)``
  /// does, with its copy locked while its history is replayed.
  func recordReceiverNotice(
    documentId: String, plan: NoticePlan, clock: @escaping @Sendable () -> Date,
    respond: @escaping @Sendable (NoticeResult) throws -> Data
  ) async throws -> (response: Data, result: NoticeResult?) {
    try await database.write { db in
      if let claim = plan.claim {
        try await self.ledger.lock(claim, on: db)
        if let earlier = try await self.ledger.answer(to: claim, on: db) { return (Data(earlier), nil) }
      }
      guard
        let delivery = try await db.record(
          DeliveryRecord.self,
          """
          SELECT d.* FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq
          WHERE doc.document_id = \(documentId) AND d.receiver_unit = \(plan.unitCode)
          ORDER BY d.delivery_seq DESC LIMIT 1 FOR UPDATE OF d
          """)
      else {
        throw ExchangeStoreRefusal(.notFound, field: "document_id", "\(documentId) was not delivered to unit \(plan.unitCode)")
      }
      let result = try await Self.apply(plan, to: delivery, actor: .receiver, clock: clock, notifying: self.channel, db)
      let response = try respond(result)
      if let claim = plan.claim {
        try await self.ledger.record(Array(response), for: claim, at: Microseconds.date(result.notice.timeUs), on: db)
      }
      return (response, result)
    }
  }

  /// Asks for `docSeq` back, as ``ExchangeStore/recall(docSeq:receiverOrganIds:plan:clock:respond:)``
  /// does, with every copy of the document locked.
  func recall(
    docSeq: Int64, receiverOrganIds: [String], plan: NoticePlan, clock: @escaping @Sendable () -> Date,
    respond: @escaping @Sendable ([NoticeResult]) throws -> Data
  ) async throws -> Data {
    try await database.write { db in
      if let claim = plan.claim {
        try await self.ledger.lock(claim, on: db)
        if let earlier = try await self.ledger.answer(to: claim, on: db) { return Data(earlier) }
      }
      let copies = try await db.records(
        DeliveryRecord.self, "SELECT * FROM exchange_deliveries WHERE doc_seq = \(docSeq) ORDER BY delivery_seq FOR UPDATE")
      let chosen = try NoticeApplication.recalledCopies(copies, receiverOrganIds: receiverOrganIds)
      var results: [NoticeResult] = []
      for copy in chosen {
        do {
          results.append(try await Self.apply(plan, to: copy, actor: .sender, clock: clock, notifying: self.channel, db))
        } catch {
          throw NoticeApplication.recallFailure(of: copy, error)
        }
      }
      let response = try respond(results)
      if let claim = plan.claim { try await self.ledger.record(Array(response), for: claim, at: clock(), on: db) }
      return response
    }
  }

  /// Records `plan`'s notice on the locked copy `delivery` if its history takes it
  /// (``NoticeApplication``), and writes what follows, with the watching unit's event counter
  /// locked for its event.
  private static func apply(
    _ plan: NoticePlan, to delivery: DeliveryRecord, actor: NoticeActor, clock: @Sendable () -> Date,
    notifying channel: String, _ db: PostgresConnection
  ) async throws -> NoticeResult {
    guard let deliverySeq = delivery.deliverySeq,
      let document = try await db.record(
        DocumentRecord.self, "SELECT * FROM exchange_documents WHERE doc_seq = \(delivery.docSeq) FOR UPDATE")
    else { throw StoreInconsistency("a copy without its document") }
    let watcher = NoticeApplication.watcher(of: actor, delivery: delivery, document: document)
    let keys: Set<PostgresCounters.Key> = watcher.isEmpty ? [] : [eventKey(watcher)]
    var counters = try await PostgresCounters.lock(keys, in: Self.counters, on: db)
    let stored = try await db.records(
      NoticeRecord.self, "SELECT * FROM exchange_notices WHERE delivery_seq = \(deliverySeq) ORDER BY notice_seq")
    let application = try NoticeApplication(plan, by: actor, to: delivery, of: document, stored: stored, now: clock())
    var notice = application.notice
    notice.noticeSeq = try await db.insert(notice, into: NoticeRecord.databaseTableName, returning: "notice_seq")
    if let frozen = application.frozenDocument {
      try await db.update(frozen, in: DocumentRecord.databaseTableName, key: "doc_seq")
    }
    try await db.update(application.delivery, in: DeliveryRecord.databaseTableName, key: "delivery_seq")
    if !watcher.isEmpty {
      try await insertEvents([(watcher, .notice, deliverySeq, notice.noticeSeq)], notifying: channel, counters: &counters, db)
      try await counters.save(on: db)
    }
    return application.result(notice: notice)
  }
}
