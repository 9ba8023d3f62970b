import ExchangeDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformWire

extension ExchangeHandlers {
  /// SendNotice: a receiver's notice on its copy (02–06, or 15/16 answering a recall), through
  /// the domain's status machine; a state that does not take it is FAILED_PRECONDITION naming
  /// the current state. 15 voids the copy and freezes the sender's document.
  func sendNotice(_ request: ExchangeSendNoticeRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeSendNoticeResponse
  {
    let unit = try Acting.requiredUnit(request.unitCode, field: "unit_code", context)
    try ExchangeLimits.checkKey(request.idempotencyKey, field: "idempotency_key")
    let documentId = try Self.documentId(request.documentId)
    guard let code = NoticeCode(rawValue: Int(request.code.rawValue)) else {
      throw FieldError.invalid("code", "\(request.code) is not a notice code: use 02–06, 15 or 16").rpcError
    }
    switch code {
    case .arrived: throw FieldError.invalid("code", "01 is given automatically on delivery").rpcError
    case .recallRequested: throw FieldError.invalid("code", "13 is the sender's: use Recall").rpcError
    default: break
    }
    try ExchangeLimits.checkLength(request.detail, field: "detail", max: ExchangeLimits.maxTextLength)
    let staff = try Self.staff(request.staff)
    let plan = try await noticePlan(
      "SendNotice", code: code, detail: request.detail.trimmingCharacters(in: .whitespacesAndNewlines), staff: staff,
      unit: unit, request: request, context)
    let today = self.today
    let answer = try await guarded("SendNotice") {
      try await store.recordReceiverNotice(documentId: documentId.description, plan: plan, clock: clock) { result in
        Data(try Self.noticeResponse(result, today: today).wireBytes())
      }
    }
    context.audit.record(target: documentId.description, unit: unit)
    if let result = answer.result { return Self.noticeResponse(result, today: today) }
    do {
      return try ExchangeSendNoticeResponse(wireBytes: [UInt8](answer.response))
    } catch {
      throw RPCError.internalFailure("reading the first answer to this idempotency key", error)
    }
  }

  /// Recall: the sender asks receivers for the document back (13), every receiver whose copy
  /// can take it when none is named.
  func recall(_ request: ExchangeRecallRequest, _ context: JobContext) async throws(RPCError) -> ExchangeRecallResponse {
    let documentId = try Self.documentId(request.documentId)
    let bundle = try await partyBundle(documentId, context)
    let record = bundle.document.record
    try context.requireScope(over: record.sentUnit, field: "document_id")
    try ExchangeLimits.checkKey(request.idempotencyKey, field: "idempotency_key")
    try ExchangeLimits.checkCount(request.receiverOrganIds.count, field: "receiver_organ_ids", max: ExchangeLimits.maxEntries)
    try ExchangeLimits.checkLength(request.reason, field: "reason", max: ExchangeLimits.maxTextLength)
    let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !reason.isEmpty else { throw FieldError.invalid("reason", "required: say why the document is recalled").rpcError }
    var seen: [String: Int] = [:]
    for (index, organId) in request.receiverOrganIds.enumerated() {
      try ExchangeLimits.requireKey(organId, field: "receiver_organ_ids[\(index)]")
      if let earlier = seen[organId] {
        throw FieldError.invalid("receiver_organ_ids[\(index)]", "\(organId) is already receiver_organ_ids[\(earlier)]").rpcError
      }
      seen[organId] = index
    }
    let staff = try Self.staff(request.staff)
    let plan = try await noticePlan(
      "Recall", code: .recallRequested, detail: reason, staff: staff, unit: record.sentUnit, request: request, context)
    guard let docSeq = record.docSeq else { throw FieldError.notFound("document_id", "no document \(documentId)").rpcError }
    let response: Data
    do {
      response = try await store.recall(
        docSeq: docSeq, receiverOrganIds: request.receiverOrganIds, plan: plan, clock: clock
      ) { results in
        Data(
          try ExchangeRecallResponse(
            notices: results.map { ExchangeNotice($0.notice, delivery: $0.delivery, document: $0.document) }
          ).wireBytes())
      }
    } catch let refused as ReceiverRefusal {
      let refusal = refused.refusal
      let field = refusal.field == "detail" ? "reason" : "receiver_organ_ids (\(refused.organId))"
      throw FieldError(FieldError.code(of: refusal.kind), field, refusal.message).rpcError
    } catch {
      throw Self.status(of: error, "Recall")
    }
    context.audit.record(target: documentId.description, unit: record.sentUnit)
    do {
      return try ExchangeRecallResponse(wireBytes: [UInt8](response))
    } catch {
      throw RPCError.internalFailure("reading the recall's answer", error)
    }
  }

  /// The notice `method` records for `unit`, by the caller, under `request`'s idempotency key.
  private func noticePlan(
    _ method: String, code: NoticeCode, detail: String, staff: Staff?, unit: String, request: some IdempotentRequest,
    _ context: JobContext
  ) async throws(RPCError) -> NoticePlan {
    let principal = Acting.principal(context)
    return try await guarded(method) {
      NoticePlan(
        code: code, detail: detail, staff: staff, principalId: principal.id, displayName: principal.displayName,
        unitCode: unit, claim: try Self.claim(method: method, unit: unit, request: request))
    }
  }

  /// The answer to SendNotice.
  static func noticeResponse(_ result: NoticeResult, today: CivilDate) -> ExchangeSendNoticeResponse {
    ExchangeSendNoticeResponse(
      notice: ExchangeNotice(result.notice, delivery: result.delivery, document: result.document),
      delivery: ExchangeDelivery(result.delivery, dueDate: result.document.dueDate, today: today))
  }

  /// The officer named in a notice, checked; nil when none is named.
  static func staff(_ staff: ExchangeStaff?) throws(RPCError) -> Staff? {
    guard let staff, staff != ExchangeStaff() else { return nil }
    let fields = [
      ("staff.full_name", staff.fullName), ("staff.department", staff.department), ("staff.email", staff.email),
      ("staff.phone", staff.phone),
    ]
    for (field, text) in fields { try ExchangeLimits.checkLength(text, field: field, max: ExchangeLimits.maxLineLength) }
    let fullName = staff.fullName.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !fullName.isEmpty else { throw FieldError.invalid("staff.full_name", "required when an officer is named").rpcError }
    return Staff(
      fullName: fullName, department: staff.department.trimmingCharacters(in: .whitespacesAndNewlines),
      email: staff.email.trimmingCharacters(in: .whitespacesAndNewlines),
      phone: staff.phone.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
