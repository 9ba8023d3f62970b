import ExchangeDomain
import Foundation
import ReformKit

/// A status notice applied to one copy, worked out before anything is written, the same for
/// every engine: the copy's history is replayed through the domain's status machine, which
/// refuses a notice its state does not take (``TransitionError``); what it takes gives the
/// notice to insert, the copy as the notice leaves it and, when the copy is voided (15) and its
/// document not yet frozen, the document frozen with who and when.
///
/// The stores fetch the copy, its document and its stored notices, build this, then insert
/// ``notice``, update ``frozenDocument`` if any and ``delivery``, and tell ``watcher``.
struct NoticeApplication {
  /// The notice to insert; its key is the store's.
  var notice: NoticeRecord
  /// The copy as the notice leaves it.
  var delivery: DeliveryRecord
  /// The document as the notice leaves it.
  var document: DocumentRecord
  /// The document frozen by this notice, to update; nil when it does not freeze it.
  var frozenDocument: DocumentRecord?
  /// The unit whose Watch is told of the notice; empty when none.
  var watcher: String

  /// Applies `plan`'s notice by `actor` at `now` to `delivery`, a copy of `document` whose
  /// notices so far are `stored` (oldest first).
  ///
  /// - Throws: ``TransitionError`` when the copy's state refuses the notice;
  ///   ``StoreInconsistency`` for a copy without a key or a stored notice of an unknown code.
  init(
    _ plan: NoticePlan, by actor: NoticeActor, to delivery: DeliveryRecord, of document: DocumentRecord,
    stored: [NoticeRecord], now: Date
  ) throws {
    guard let deliverySeq = delivery.deliverySeq else { throw StoreInconsistency("a copy without its document") }
    var copy = try Delivery(
      receiver: Organ(organId: delivery.receiverOrganId, name: delivery.receiverName),
      arrivalNumber: Int(delivery.arrivalNumber), arrivalTime: Microseconds.date(delivery.arrivalUs),
      replaying: try stored.map { try $0.statusNotice() })
    let nowUs = Microseconds.of(now)
    let day = CivilDate(Microseconds.date(nowUs)).iso
    try copy.record(
      StatusNotice(
        code: plan.code, actor: actor, organId: actor == .sender ? document.senderOrganId : delivery.receiverOrganId,
        time: Microseconds.date(nowUs), detail: plan.detail, staff: plan.staff))
    notice = NoticeRecord(plan, by: actor, about: deliverySeq, timeUs: nowUs)
    var updated = delivery
    updated.status = copy.state.status?.rawValue ?? delivery.status
    updated.recallStatus = copy.state.recall.noticeCode?.rawValue ?? 0
    updated.lastNoticeUs = nowUs
    switch plan.code {
    case .done: updated.doneDate = day
    case .refused: updated.refusedDate = day
    default: break
    }
    var document = document
    frozenDocument = nil
    if copy.state.isVoid {
      updated.void(plan.stamp(at: nowUs), day: day)
      if document.frozen == nil {
        document.freeze(plan.stamp(at: nowUs))
        frozenDocument = document
      }
    }
    self.delivery = updated
    self.document = document
    watcher = Self.watcher(of: actor, delivery: delivery, document: document)
  }

  /// The unit told of a notice by `actor` on `delivery`, a copy of `document`: a receiver's
  /// notice goes to the sender's Watch, a recall request to the receiver's. Empty when none
  /// (a document imported from an organ outside the registry).
  static func watcher(of actor: NoticeActor, delivery: DeliveryRecord, document: DocumentRecord) -> String {
    actor == .sender ? delivery.receiverUnit : document.sentUnit
  }

  /// What the notice calls answer, once ``notice`` is stored as `stored`.
  func result(notice stored: NoticeRecord) -> NoticeResult {
    NoticeResult(document: document, delivery: delivery, notice: stored)
  }

  /// The copies a recall asks, among `copies` (every copy of the document, in delivery order):
  /// for each of `receiverOrganIds` its latest copy, or when empty, every copy that can take a
  /// recall (not refused, not voided, no recall open).
  ///
  /// - Throws: ``ExchangeStoreRefusal`` naming the OrganId that received no copy, or when no
  ///   copy can take a recall.
  static func recalledCopies(_ copies: [DeliveryRecord], receiverOrganIds: [String]) throws(ExchangeStoreRefusal)
    -> [DeliveryRecord]
  {
    guard !receiverOrganIds.isEmpty else {
      let chosen = copies.filter { $0.recallStatus != NoticeCode.recallRequested.rawValue
        && $0.recallStatus != NoticeCode.recallAgreed.rawValue && $0.status != NoticeCode.refused.rawValue }
      guard !chosen.isEmpty else {
        throw ExchangeStoreRefusal(
          .failedPrecondition, field: "receiver_organ_ids", "no copy of the document can be recalled: each was refused (02), voided (15) or already has a recall open (13)")
      }
      return chosen
    }
    var chosen: [DeliveryRecord] = []
    for (index, organId) in receiverOrganIds.enumerated() {
      guard let copy = copies.last(where: { $0.receiverOrganId == organId }) else {
        throw ExchangeStoreRefusal(.notFound, field: "receiver_organ_ids[\(index)]", "\(organId) is not a receiver of the document")
      }
      chosen.append(copy)
    }
    return chosen
  }

  /// `error` as a recall of `copy` reports it: the status machine's refusal names the copy's
  /// receiver (``ReceiverRefusal``); any other error is itself.
  static func recallFailure(of copy: DeliveryRecord, _ error: any Error) -> any Error {
    guard let refusal = error as? TransitionError else { return error }
    return ReceiverRefusal(organId: copy.receiverOrganId, refusal: refusal)
  }
}

extension NoticeRecord {
  /// `plan`'s notice by `actor` about the copy `deliverySeq`, at `timeUs`; its key is the store's.
  init(_ plan: NoticePlan, by actor: NoticeActor, about deliverySeq: Int64, timeUs: Int64) {
    self.init(
      noticeId: ExchangeIDs.make(.notice), deliverySeq: deliverySeq, code: plan.code.rawValue,
      bySender: actor == .sender, detail: plan.detail, timeUs: timeUs, staffFullName: plan.staff?.fullName,
      staffDepartment: plan.staff?.department, staffEmail: plan.staff?.email, staffPhone: plan.staff?.phone,
      recordedPrincipalId: plan.principalId, recordedDisplayName: plan.displayName, recordedUnit: plan.unitCode)
  }

  /// The domain's form of the notice.
  ///
  /// - Throws: ``StoreInconsistency`` when its code is unknown.
  func statusNotice() throws -> StatusNotice {
    guard let code = NoticeCode(rawValue: code) else {
      throw StoreInconsistency("a stored notice has the unknown code \(self.code)")
    }
    var staff: Staff?
    if let fullName = staffFullName {
      staff = Staff(fullName: fullName, department: staffDepartment ?? "", email: staffEmail ?? "", phone: staffPhone ?? "")
    }
    return StatusNotice(
      code: code, actor: bySender ? .sender : .receiver, organId: "", time: Microseconds.date(timeUs),
      detail: detail, staff: staff)
  }
}
