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
      let result = try await Self.apply(plan, to: delivery, actor: .receiver, clock: clock, db)
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
      var chosen: [DeliveryRecord] = []
      if receiverOrganIds.isEmpty {
        chosen = copies.filter { $0.recallStatus != NoticeCode.recallRequested.rawValue
          && $0.recallStatus != NoticeCode.recallAgreed.rawValue && $0.status != NoticeCode.refused.rawValue }
        guard !chosen.isEmpty else {
          throw ExchangeStoreRefusal(
            .failedPrecondition, field: "receiver_organ_ids", "no copy of the document can be recalled: each was refused (02), voided (15) or already has a recall open (13)")
        }
      } else {
        for (index, organId) in receiverOrganIds.enumerated() {
          guard let copy = copies.last(where: { $0.receiverOrganId == organId }) else {
            throw ExchangeStoreRefusal(.notFound, field: "receiver_organ_ids[\(index)]", "\(organId) is not a receiver of the document")
          }
          chosen.append(copy)
        }
      }
      var results: [NoticeResult] = []
      for copy in chosen {
        do {
          results.append(try await Self.apply(plan, to: copy, actor: .sender, clock: clock, db))
        } catch let refusal as TransitionError {
          throw ReceiverRefusal(organId: copy.receiverOrganId, refusal: refusal)
        }
      }
      let response = try respond(results)
      if let claim = plan.claim { try await self.ledger.record(Array(response), for: claim, at: clock(), on: db) }
      return response
    }
  }

  /// Records `plan`'s notice on the locked copy `delivery` if its history takes it, and writes
  /// what follows, with the watching unit's event counter locked for its event.
  private static func apply(
    _ plan: NoticePlan, to delivery: DeliveryRecord, actor: NoticeActor, clock: @Sendable () -> Date,
    _ db: PostgresConnection
  ) async throws -> NoticeResult {
    guard let deliverySeq = delivery.deliverySeq,
      var document = try await db.record(
        DocumentRecord.self, "SELECT * FROM exchange_documents WHERE doc_seq = \(delivery.docSeq) FOR UPDATE")
    else { throw StoreInconsistency("a copy without its document") }
    // A receiver's notice goes to the sender's Watch; a recall request to the receiver's.
    let watcher = actor == .sender ? delivery.receiverUnit : document.sentUnit
    let keys: Set<PostgresCounters.Key> = watcher.isEmpty ? [] : [eventKey(watcher)]
    var counters = try await PostgresCounters.lock(keys, in: Self.counters, on: db)
    let stored = try await db.records(
      NoticeRecord.self, "SELECT * FROM exchange_notices WHERE delivery_seq = \(deliverySeq) ORDER BY notice_seq")
    var copy = try Delivery(
      receiver: Organ(organId: delivery.receiverOrganId, name: delivery.receiverName),
      arrivalNumber: Int(delivery.arrivalNumber), arrivalTime: Microseconds.date(delivery.arrivalUs),
      replaying: try stored.map(ExchangeStore.statusNotice))
    let nowUs = Microseconds.of(clock())
    let day = CivilDate(Microseconds.date(nowUs)).iso
    try copy.record(
      StatusNotice(
        code: plan.code, actor: actor, organId: actor == .sender ? document.senderOrganId : delivery.receiverOrganId,
        time: Microseconds.date(nowUs), detail: plan.detail, staff: plan.staff))
    var notice = NoticeRecord(
      noticeId: ExchangeIDs.make(.notice), deliverySeq: deliverySeq, code: plan.code.rawValue,
      bySender: actor == .sender, detail: plan.detail, timeUs: nowUs, staffFullName: plan.staff?.fullName,
      staffDepartment: plan.staff?.department, staffEmail: plan.staff?.email, staffPhone: plan.staff?.phone,
      recordedPrincipalId: plan.principalId, recordedDisplayName: plan.displayName, recordedUnit: plan.unitCode)
    notice.noticeSeq = try await db.insert(notice, into: NoticeRecord.databaseTableName, returning: "notice_seq")
    var updated = delivery
    updated.status = copy.state.status?.rawValue ?? delivery.status
    updated.recallStatus = copy.state.recall.noticeCode?.rawValue ?? 0
    updated.lastNoticeUs = nowUs
    switch plan.code {
    case .done: updated.doneDate = day
    case .refused: updated.refusedDate = day
    default: break
    }
    if copy.state.isVoid {
      updated.void(plan.stamp(at: nowUs), day: day)
      if document.frozen == nil {
        document.freeze(plan.stamp(at: nowUs))
        try await db.update(document, in: DocumentRecord.databaseTableName, key: "doc_seq")
      }
    }
    try await db.update(updated, in: DeliveryRecord.databaseTableName, key: "delivery_seq")
    if !watcher.isEmpty {
      try await insertEvents([(watcher, .notice, deliverySeq, notice.noticeSeq)], counters: &counters, db)
      try await counters.save(on: db)
    }
    return NoticeResult(document: document, delivery: updated, notice: notice)
  }
}
