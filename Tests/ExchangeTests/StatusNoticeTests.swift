import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

@Suite("Status notices and recall through the RPCs")
struct StatusNoticeTests {
  let documentId = "000.00.00.H41,2026/10/15,125/CV/ĐUK"

  private func recall(
    _ bed: TestBed, from receiverOrganIds: [String] = [], reason: String, by unit: String = "DUK"
  ) async throws -> ExchangeRecallResponse {
    try await bed.invoke(
      ExchangeService.Recall.self,
      ExchangeRecallRequest(documentId: documentId, receiverOrganIds: receiverOrganIds, reason: reason),
      as: Caller.clerk(unit))
  }

  private func notice(
    _ bed: TestBed, _ code: ExchangeNoticeCode, by unit: String, detail: String = "", key: String = ""
  ) async throws -> ExchangeSendNoticeResponse {
    try await bed.invoke(
      ExchangeService.SendNotice.self,
      ExchangeSendNoticeRequest(
        idempotencyKey: key, documentId: documentId, code: code, detail: detail,
        staff: ExchangeStaff(fullName: "Lê Văn Nam", department: "Văn phòng")),
      as: Caller.clerk(unit))
  }

  @Test func theReceiverTakesTheCopyFromArrivedToDone() async throws {
    let bed = try await TestBed.make()
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    var statuses: [ExchangeNoticeCode] = []
    for code in [ExchangeNoticeCode.registered, .assigned, .inProgress, .inProgress, .done] {
      let response = try await notice(bed, code, by: "SNV", detail: code == .assigned ? "Phòng Cải cách hành chính" : "")
      statuses.append(response.delivery?.status ?? .unspecified)
      #expect(response.notice?.fromOrgan?.unitCode == "SNV")
      #expect(response.notice?.toOrgan?.unitCode == "DUK")
      #expect(response.notice?.staff?.fullName == "Lê Văn Nam")
    }
    #expect(statuses == [.registered, .assigned, .inProgress, .inProgress, .done])
    let trace = try await bed.invoke(
      ExchangeService.GetTrace.self, ExchangeGetTraceRequest(documentId: documentId), as: Caller.clerk("DUK"))
    let home = try #require(trace.receivers.first { $0.delivery?.receiver?.unitCode == "SNV" })
    #expect(home.notices.map(\.code) == [.arrived, .registered, .assigned, .inProgress, .inProgress, .done])
    #expect(home.delivery?.overdue == false)
    let finance = try #require(trace.receivers.first { $0.delivery?.receiver?.unitCode == "STC" })
    #expect(finance.notices.map(\.code) == [.arrived])
    #expect(finance.delivery?.overdue == true)
  }

  @Test func aNoticeTheStateDoesNotTakeIsRefusedNamingTheCurrentState() async throws {
    let bed = try await TestBed.make()
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    let early = await failure { try await notice(bed, .done, by: "SNV") }
    #expect(early?.code == .failedPrecondition)
    #expect(early?.message.contains("01 Đã đến") == true)
    let unreasoned = await failure { try await notice(bed, .refused, by: "SNV", detail: "  ") }
    #expect(unreasoned?.code == .invalidArgument)
    #expect(unreasoned?.message.hasPrefix("detail:") == true)
    let refused = try await notice(bed, .refused, by: "SNV", detail: "Không thuộc thẩm quyền")
    #expect(refused.delivery?.status == .refused)
    let afterRefusal = await failure { try await notice(bed, .registered, by: "SNV") }
    #expect(afterRefusal?.code == .failedPrecondition)
    #expect(afterRefusal?.message.contains("02 Từ chối tiếp nhận") == true)
    for code in [ExchangeNoticeCode.arrived, .recallRequested, ExchangeNoticeCode(rawValue: 7)] {
      let error = await failure { try await notice(bed, code, by: "STC") }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.hasPrefix("code:") == true)
    }
  }

  @Test func anAgreedRecallVoidsTheCopyAndFreezesTheDocument() async throws {
    let bed = try await TestBed.make()
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    _ = try await notice(bed, .registered, by: "STC")
    let noReason = await failure {
      try await recall(bed, reason: "")
    }
    #expect(noReason?.code == .invalidArgument)
    #expect(noReason?.message.hasPrefix("reason:") == true)
    let recalled = try await recall(bed, reason: "Sai số liệu phụ lục")
    #expect(recalled.notices.map(\.code) == [.recallRequested, .recallRequested])
    #expect(recalled.notices.map { $0.toOrgan?.unitCode } == ["SNV", "STC"])
    // While a recall is open only its answer is taken.
    let held = await failure { try await notice(bed, .assigned, by: "STC") }
    #expect(held?.code == .failedPrecondition)
    #expect(held?.message.contains("13 Yêu cầu lấy lại") == true)
    let agreed = try await notice(bed, .recallAgreed, by: "SNV")
    #expect(agreed.delivery?.recallStatus == .recallAgreed)
    #expect(agreed.delivery?.voided?.principalId == "clerk-SNV")
    #expect(agreed.delivery?.voided?.unitCode == "SNV")
    let refusedNoReason = await failure { try await notice(bed, .recallRefused, by: "STC") }
    #expect(refusedNoReason?.code == .invalidArgument)
    let refused = try await notice(bed, .recallRefused, by: "STC", detail: "Đã triển khai thực hiện")
    #expect(refused.delivery?.recallStatus == .recallRefused)
    #expect(refused.delivery?.status == .registered)
    _ = try await notice(bed, .assigned, by: "STC")
    let afterVoid = await failure { try await notice(bed, .registered, by: "SNV") }
    #expect(afterVoid?.code == .failedPrecondition)
    let document = try await bed.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId), as: Caller.clerk("DUK"))
    #expect(document.document?.frozen?.principalId == "clerk-SNV")
    #expect(document.document?.frozen?.time == agreed.delivery?.voided?.time)
    let inbox = try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(), as: Caller.clerk("SNV"))
    #expect(inbox.items.isEmpty)
    let withVoided = try await bed.invoke(
      ExchangeService.ListInbox.self, ExchangeListInboxRequest(includeVoided: true), as: Caller.clerk("SNV"))
    #expect(withVoided.items.count == 1)
    let fetch = await failure {
      try await bed.stream(
        ExchangeService.ExportEdxml.self, ExchangeExportEdxmlRequest(documentId: documentId), as: Caller.clerk("DUK"))
    }
    #expect(fetch?.code == .failedPrecondition)
  }

  @Test func recallIsTheSendersAndNoticesAreTheReceivers() async throws {
    let bed = try await TestBed.make()
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    let foreignRecall = await failure {
      try await recall(bed, reason: "x", by: "SNV")
    }
    #expect(foreignRecall?.code == .permissionDenied)
    let otherUnit = await failure {
      try await bed.invoke(
        ExchangeService.SendNotice.self,
        ExchangeSendNoticeRequest(documentId: documentId, unitCode: "SNV", code: .registered), as: Caller.clerk("DUK"))
    }
    #expect(otherUnit?.code == .permissionDenied)
    let notReceived = await failure { try await notice(bed, .registered, by: "DUK") }
    #expect(notReceived?.code == .notFound)
    let strangerTrace = await failure {
      try await bed.invoke(ExchangeService.GetTrace.self, ExchangeGetTraceRequest(documentId: documentId), as: Caller.clerk("SYT"))
    }
    #expect(strangerTrace?.code == .permissionDenied)
    let unknownReceiver = await failure {
      try await recall(bed, from: ["000.00.33.H41"], reason: "x")
    }
    #expect(unknownReceiver?.code == .notFound)
    #expect(unknownReceiver?.message.hasPrefix("receiver_organ_ids[0]:") == true)
    _ = try await notice(bed, .refused, by: "SNV", detail: "Không thuộc thẩm quyền")
    let refusedCopy = await failure {
      try await recall(bed, from: ["000.00.31.H41"], reason: "x")
    }
    #expect(refusedCopy?.code == .failedPrecondition)
    #expect(refusedCopy?.message.contains("000.00.31.H41") == true)
    // Every copy that can be recalled: the refused one is left out.
    let all = try await recall(bed, reason: "Sai")
    #expect(all.notices.map { $0.toOrgan?.unitCode } == ["STC"])
  }

  @Test func aRepeatedNoticeWithTheSameKeyIsRecordedOnce() async throws {
    let bed = try await TestBed.make()
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    let first = try await notice(bed, .registered, by: "SNV", key: "vao-so-1")
    let counts = try await bed.rowCounts()
    let again = try await notice(bed, .registered, by: "SNV", key: "vao-so-1")
    #expect(again == first)
    #expect(try await bed.rowCounts() == counts)
    let recall = ExchangeRecallRequest(idempotencyKey: "recall-1", documentId: documentId, reason: "Sai")
    let recalled = try await bed.invoke(ExchangeService.Recall.self, recall, as: Caller.clerk("DUK"))
    let recalledAgain = try await bed.invoke(ExchangeService.Recall.self, recall, as: Caller.clerk("DUK"))
    #expect(recalledAgain == recalled)
  }
}
