import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

@Suite("Reading documents: GetDocument, inbox, outbox")
struct ReadTests {
  @Test func getDocumentIsAuditedAndShowsTheReadersView() async throws {
    let bed = try await TestBed.make()
    let sent = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    let documentId = try #require(sent.document?.documentId)
    let receiver = Caller.clerk("SNV")
    let asReceiver = try await bed.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId), as: receiver)
    #expect(asReceiver.document == sent.document)
    #expect(asReceiver.delivery?.receiver?.unitCode == "SNV")
    #expect(asReceiver.deliveries.isEmpty)
    #expect(receiver.audit.value == (documentId, "SNV"))
    let sender = Caller.clerk("DUK")
    let asSender = try await bed.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId), as: sender)
    #expect(asSender.deliveries.count == 2)
    #expect(asSender.delivery == nil)
    #expect(sender.audit.value == (documentId, "DUK"))
    let inspector = try await bed.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId), as: Caller.inspector())
    #expect(inspector.deliveries.count == 2)
    let foreign = await failure {
      try await bed.invoke(
        ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId, unitCode: "SNV"),
        as: Caller.clerk("SYT"))
    }
    #expect(foreign?.code == .permissionDenied)
    let stranger = await failure {
      try await bed.invoke(ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId), as: Caller.clerk("SYT"))
    }
    #expect(stranger?.code == .notFound)
    let malformed = await failure {
      try await bed.invoke(ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: "125/CV"), as: receiver)
    }
    #expect(malformed?.code == .invalidArgument)
    #expect(malformed?.message.hasPrefix("document_id:") == true)
  }

  @Test func aReceiverReadsItsOwnCopysHistoryAndNoOneElses() async throws {
    let bed = try await TestBed.make()
    let sent = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    let documentId = try #require(sent.document?.documentId)
    for code: ExchangeNoticeCode in [.registered, .assigned] {
      _ = try await bed.invoke(
        ExchangeService.SendNotice.self,
        ExchangeSendNoticeRequest(idempotencyKey: "history-\(code.rawValue)", documentId: documentId, code: code, detail: "Chuyển phòng Tổ chức"),
        as: Caller.clerk("SNV"))
    }
    let history = try await bed.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId, includeNotices: true), as: Caller.clerk("SNV"))
    #expect(history.notices.map(\.code) == [.arrived, .registered, .assigned])
    #expect(history.notices.allSatisfy { $0.fromOrgan?.organId == Sample.homeAffairs.organId || $0.code == .arrived }, "\(history.notices)")
    // Without asking, and for the other receiver, who has noticed nothing: only its own 01.
    let plain = try await bed.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId), as: Caller.clerk("SNV"))
    #expect(plain.notices.isEmpty)
    let other = try await bed.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId, includeNotices: true), as: Caller.clerk("STC"))
    #expect(other.notices.map(\.code) == [.arrived])
    // The sender reads every receiver's history with GetTrace, not here.
    let sender = try await bed.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId, includeNotices: true), as: Caller.clerk("DUK"))
    #expect(sender.notices.isEmpty && sender.deliveries.count == 2)
  }

  @Test func theInboxListsUrgentFirstThenByArrival() async throws {
    let bed = try await TestBed.make()
    let plan: [(String, ExchangeUrgency, String)] = [
      ("1", .normal, "Báo cáo quý III"), ("2", .flash, "Triệu tập họp khẩn"), ("3", .urgent, "Quyết định khen thưởng"),
      ("4", .normal, "Kế hoạch triển khai cải cách hành chính"),
    ]
    for (number, urgency, subject) in plan {
      _ = try await bed.invoke(
        ExchangeService.Send.self,
        Sample.send(number: number, receivers: [Sample.homeAffairs], urgency: urgency, subject: subject),
        as: Caller.clerk("DUK"))
    }
    let clerk = Caller.clerk("SNV")
    func list(_ request: ExchangeListInboxRequest) async throws -> (numbers: [Int64], response: ExchangeListInboxResponse) {
      let response = try await bed.invoke(ExchangeService.ListInbox.self, request, as: clerk)
      return (response.items.compactMap { $0.delivery?.arrivalNumber }, response)
    }
    #expect(try await list(ExchangeListInboxRequest()).numbers == [2, 3, 1, 4])
    #expect(try await list(ExchangeListInboxRequest(newestFirst: true)).numbers == [2, 3, 4, 1])
    #expect(try await list(ExchangeListInboxRequest(urgencies: [.normal])).numbers == [1, 4])
    #expect(try await list(ExchangeListInboxRequest(subjectContains: "TRIEN KHAI")).numbers == [4])
    #expect(try await list(ExchangeListInboxRequest(subjectContains: "quyết")).numbers == [3])
    _ = try await bed.invoke(
      ExchangeService.SendNotice.self,
      ExchangeSendNoticeRequest(documentId: "000.00.00.H41,2026/10/15,3/CV/ĐUK", code: .registered), as: clerk)
    #expect(try await list(ExchangeListInboxRequest(statuses: [.registered])).numbers == [3])
    #expect(try await list(ExchangeListInboxRequest(statuses: [.arrived], overdueOnly: true)).numbers == [2, 1, 4])
    let today = Sample.today
    #expect(try await list(ExchangeListInboxRequest(arrivalDates: DateRange(first: today, last: today))).numbers.count == 4)
    let past = CalendarDate(year: 2020, month: 1, day: 1)
    #expect(try await list(ExchangeListInboxRequest(arrivalDates: DateRange(first: past, last: past))).numbers.isEmpty)
    // Paging: two at a time, in the same order, with the total.
    let first = try await list(ExchangeListInboxRequest(page: PageRequest(pageSize: 2)))
    #expect(first.numbers == [2, 3])
    #expect(first.response.page?.totalCount == 4)
    let token = try #require(first.response.page?.nextPageToken)
    let second = try await list(ExchangeListInboxRequest(page: PageRequest(pageSize: 2, pageToken: token)))
    #expect(second.numbers == [1, 4])
    #expect(second.response.page?.nextPageToken == "")
    let badToken = await failure {
      try await bed.invoke(
        ExchangeService.ListInbox.self, ExchangeListInboxRequest(page: PageRequest(pageToken: "nope")), as: clerk)
    }
    #expect(badToken?.message.hasPrefix("page.page_token:") == true)
    let badSize = await failure {
      try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(page: PageRequest(pageSize: -1)), as: clerk)
    }
    #expect(badSize?.message.hasPrefix("page.page_size:") == true)
    let badStatus = await failure {
      try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(statuses: [.recallAgreed]), as: clerk)
    }
    #expect(badStatus?.message.hasPrefix("statuses[0]:") == true)
    let reversed = await failure {
      try await bed.invoke(
        ExchangeService.ListInbox.self,
        ExchangeListInboxRequest(arrivalDates: DateRange(first: today, last: past)), as: clerk)
    }
    #expect(reversed?.message.hasPrefix("arrival_dates:") == true)
    let foreign = await failure {
      try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(unitCode: "SNV"), as: Caller.clerk("STC"))
    }
    #expect(foreign?.code == .permissionDenied)
  }

  @Test func theOutboxListsNewestFirstWithEveryReceiversState() async throws {
    let bed = try await TestBed.make()
    for number in 1...3 {
      _ = try await bed.invoke(
        ExchangeService.Send.self, Sample.send(number: String(number)), as: Caller.clerk("DUK"))
    }
    _ = try await bed.invoke(
      ExchangeService.SendNotice.self,
      ExchangeSendNoticeRequest(documentId: "000.00.00.H41,2026/10/15,2/CV/ĐUK", code: .registered),
      as: Caller.clerk("STC"))
    let page = try await bed.invoke(
      ExchangeService.ListSent.self, ExchangeListSentRequest(page: PageRequest(pageSize: 2)), as: Caller.clerk("DUK"))
    #expect(page.items.map { $0.document?.metadata?.codeNumber } == ["3", "2"])
    #expect(page.items[1].deliveries.map(\.status) == [.arrived, .registered])
    #expect(page.page?.totalCount == 3)
    let rest = try await bed.invoke(
      ExchangeService.ListSent.self,
      ExchangeListSentRequest(page: PageRequest(pageSize: 2, pageToken: page.page?.nextPageToken ?? "")),
      as: Caller.clerk("DUK"))
    #expect(rest.items.map { $0.document?.metadata?.codeNumber } == ["1"])
    let none = try await bed.invoke(ExchangeService.ListSent.self, ExchangeListSentRequest(), as: Caller.clerk("SNV"))
    #expect(none.items.isEmpty)
  }
}
