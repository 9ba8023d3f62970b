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
      let now = clock()
      var results: [NoticeResult] = []
      for copy in chosen {
        do {
          results.append(try Self.apply(plan, to: copy, actor: .sender, now: now, db))
        } catch let refusal as TransitionError {
          throw ReceiverRefusal(organId: copy.receiverOrganId, refusal: refusal)
        }
      }
      let response = try respond(results)
      if let claim = plan.claim { try Self.ledger.record(Array(response), for: claim, at: now, in: db) }
      return response
    }
  }

  /// Records `plan`'s notice on `delivery` if its history takes it, and writes what follows.
  private static func apply(
    _ plan: NoticePlan, to delivery: DeliveryRecord, actor: NoticeActor, now: Date, _ db: Database
  ) throws -> NoticeResult {
    guard let deliverySeq = delivery.deliverySeq, var document = try DocumentRecord.fetchOne(db, key: delivery.docSeq)
    else { throw StoreInconsistency("a copy without its document") }
    let stored = try NoticeRecord.filter(Column("delivery_seq") == deliverySeq).order(Column("notice_seq")).fetchAll(db)
    var copy = try Delivery(
      receiver: Organ(organId: delivery.receiverOrganId, name: delivery.receiverName),
      arrivalNumber: Int(delivery.arrivalNumber), arrivalTime: Microseconds.date(delivery.arrivalUs),
      replaying: try stored.map(Self.statusNotice))
    let nowUs = Microseconds.of(now)
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
    try notice.insert(db)
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
        try document.update(db)
      }
    }
    try updated.update(db)
    // A receiver's notice goes to the sender's Watch; a recall request to the receiver's.
    let watcher = actor == .sender ? delivery.receiverUnit : document.sentUnit
    if !watcher.isEmpty {
      var event = EventRecord(unitCode: watcher, kind: .notice, deliverySeq: deliverySeq, noticeSeq: notice.noticeSeq)
      try event.insert(db)
    }
    return NoticeResult(document: document, delivery: updated, notice: notice)
  }

  /// The domain's form of a stored notice.
  static func statusNotice(_ record: NoticeRecord) throws -> StatusNotice {
    guard let code = NoticeCode(rawValue: record.code) else {
      throw StoreInconsistency("a stored notice has the unknown code \(record.code)")
    }
    var staff: Staff?
    if let fullName = record.staffFullName {
      staff = Staff(
        fullName: fullName, department: record.staffDepartment ?? "", email: record.staffEmail ?? "",
        phone: record.staffPhone ?? "")
    }
    return StatusNotice(
      code: code, actor: record.bySender ? .sender : .receiver, organId: "", time: Microseconds.date(record.timeUs),
      detail: record.detail, staff: staff)
  }
}
