import ExchangeDomain
import Foundation
import GRDB
import ReformKit
import ReformStore

extension ExchangeStore {
  /// Records a receiver's notice (02–06, 15, 16) on its latest copy of `documentId`, in one
  /// transaction: the copy's history is replayed through the domain's status machine, which
  /// refuses a notice its state does not take (``TransitionError``). On 15 the copy is voided
  /// and the sender's document frozen, with who and when. `respond` makes the answer kept for
  /// repeats; a repeat gets it back (`replayed`).
  func recordReceiverNotice(
    documentId: String, plan: NoticePlan, clock: @escaping @Sendable () -> Date,
    respond: @escaping @Sendable (NoticeResult) throws -> Data
  ) async throws -> (response: Data, result: NoticeResult?) {
    try await database.write { db in
      if let claim = plan.claim, let earlier = try Self.ledger.answer(to: claim, in: db) { return (Data(earlier), nil) }
      guard
        let delivery = try DeliveryRecord.fetchOne(
          db,
          sql: """
            SELECT d.* FROM exchange_deliveries d JOIN exchange_documents doc ON doc.doc_seq = d.doc_seq
            WHERE doc.document_id = ? AND d.receiver_unit = ? ORDER BY d.delivery_seq DESC LIMIT 1
            """,
          arguments: [documentId, plan.unitCode])
      else {
        throw ExchangeStoreRefusal(.notFound, field: "document_id", "\(documentId) was not delivered to unit \(plan.unitCode)")
      }
      let result = try Self.apply(plan, to: delivery, actor: .receiver, now: clock(), db)
      let response = try respond(result)
      if let claim = plan.claim {
        try Self.ledger.record(Array(response), for: claim, at: Microseconds.date(result.notice.timeUs), in: db)
      }
      return (response, result)
    }
  }

  /// Asks for `docSeq` back from `receiverOrganIds` (13), in one transaction; empty asks every
  /// copy that can take a recall (not refused, not voided, no recall open). A copy whose state
  /// refuses 13 refuses the whole request (``TransitionError``, with the OrganId).
  func recall(
    docSeq: Int64, receiverOrganIds: [String], plan: NoticePlan, clock: @escaping @Sendable () -> Date,
    respond: @escaping @Sendable ([NoticeResult]) throws -> Data
  ) async throws -> Data {
    try await database.write { db in
      if let claim = plan.claim, let earlier = try Self.ledger.answer(to: claim, in: db) { return Data(earlier) }
      let copies = try DeliveryRecord.filter(Column("doc_seq") == docSeq).order(Column("delivery_seq")).fetchAll(db)
      let chosen = try NoticeApplication.recalledCopies(copies, receiverOrganIds: receiverOrganIds)
      let now = clock()
      var results: [NoticeResult] = []
      for copy in chosen {
        do {
          results.append(try Self.apply(plan, to: copy, actor: .sender, now: now, db))
        } catch {
          throw NoticeApplication.recallFailure(of: copy, error)
        }
      }
      let response = try respond(results)
      if let claim = plan.claim { try Self.ledger.record(Array(response), for: claim, at: now, in: db) }
      return response
    }
  }

  /// Records `plan`'s notice on `delivery` if its history takes it (``NoticeApplication``), and
  /// writes what follows.
  private static func apply(
    _ plan: NoticePlan, to delivery: DeliveryRecord, actor: NoticeActor, now: Date, _ db: Database
  ) throws -> NoticeResult {
    guard let deliverySeq = delivery.deliverySeq, let document = try DocumentRecord.fetchOne(db, key: delivery.docSeq)
    else { throw StoreInconsistency("a copy without its document") }
    let stored = try NoticeRecord.filter(Column("delivery_seq") == deliverySeq).order(Column("notice_seq")).fetchAll(db)
    let application = try NoticeApplication(plan, by: actor, to: delivery, of: document, stored: stored, now: now)
    var notice = application.notice
    try notice.insert(db)
    try application.frozenDocument?.update(db)
    try application.delivery.update(db)
    if !application.watcher.isEmpty {
      var event = EventRecord(
        unitCode: application.watcher, kind: .notice, deliverySeq: deliverySeq, noticeSeq: notice.noticeSeq)
      try event.insert(db)
    }
    return application.result(notice: notice)
  }
}
