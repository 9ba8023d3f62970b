import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

@Suite("Send: delivery, secret refusal, duplicates, idempotency, validation")
struct SendTests {
  @Test func eachRecipientGetsItsArrivalNumberAndTheArrivedNotice() async throws {
    let bed = try await TestBed.make()
    let response = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    let document = try #require(response.document)
    #expect(document.documentId == "000.00.00.H41,2026/10/15,125/CV/ĐUK")
    #expect(document.sender == ExchangeOrgan(organId: "000.00.00.H41", name: TestBed.units[0].name, unitCode: "DUK"))
    #expect(document.sent?.principalId == "clerk-DUK")
    #expect(document.metadata?.recipients.map(\.unitCode) == ["SNV", "STC", ""])
    #expect(document.metadata?.recipients.last?.name == "Lưu: VT, VP")
    #expect(response.deliveries.map { $0.receiver?.unitCode } == ["SNV", "STC"])
    #expect(response.deliveries.allSatisfy { $0.arrivalNumber == 1 && $0.status == .arrived && $0.arrivalYear == 2026 })
    #expect(!response.replayed)
    let second = try await bed.invoke(ExchangeService.Send.self, Sample.send(number: "126"), as: Caller.clerk("DUK"))
    #expect(second.deliveries.map(\.arrivalNumber) == [2, 2])
    let trace = try await bed.invoke(
      ExchangeService.GetTrace.self, ExchangeGetTraceRequest(documentId: document.documentId), as: Caller.clerk("DUK"))
    #expect(trace.receivers.count == 2)
    for receiver in trace.receivers {
      #expect(receiver.notices.map(\.code) == [.arrived])
      #expect(receiver.notices.first?.toOrgan?.unitCode == "DUK")
      #expect(receiver.notices.first?.fromOrgan?.unitCode == receiver.delivery?.receiver?.unitCode)
    }
  }

  @Test(arguments: [Int32.min, -1, 100_001, Int32.max])
  func aPageCountOutsideItsRangeIsRefusedNamingTheField(pages: Int32) async throws {
    let bed = try await TestBed.make()
    var request = Sample.send()
    request.metadata?.pageCount = pages
    let error = await failure { try await bed.invoke(ExchangeService.Send.self, request, as: Caller.clerk("DUK")) }
    #expect(error?.code == .invalidArgument)
    #expect(error?.message.hasPrefix("metadata.page_count: \(pages) is outside 0…100000") == true)
  }

  @Test func anUnspecifiedConfidentialityIsRefusedNamingTheFieldAndNothingIsStored() async throws {
    let bed = try await TestBed.make()
    let attachment = try await bed.upload(Sample.bytes(1000), unit: "DUK")
    let before = try await bed.rowCounts()
    var request = Sample.send(key: "unmarked-1", attachments: [attachment.attachmentId])
    request.metadata?.confidentiality = .unspecified
    let error = await failure { try await bed.invoke(ExchangeService.Send.self, request, as: Caller.clerk("DUK")) }
    #expect(error?.code == .invalidArgument)
    #expect(error?.message.hasPrefix("metadata.confidentiality: required") == true)
    #expect(try await bed.rowCounts() == before)
  }

  @Test(arguments: [ExchangeConfidentiality.confidential, .secret, .topSecret])
  func aSecretDocumentIsRefusedAndNothingOfItIsStored(level: ExchangeConfidentiality) async throws {
    let bed = try await TestBed.make()
    let attachment = try await bed.upload(Sample.bytes(1000), unit: "DUK")
    let before = try await bed.rowCounts()
    let files = try await bed.attachmentFiles()
    var request = Sample.send(key: "secret-1", attachments: [attachment.attachmentId])
    request.metadata?.confidentiality = level
    // Secret and invalid at once: the refusal for secrecy comes first.
    request.metadata?.subject = ""
    let error = await failure { try await bed.invoke(ExchangeService.Send.self, request, as: Caller.clerk("DUK")) }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message.hasPrefix("metadata.confidentiality:") == true)
    #expect(error?.message.contains("Nghị định 63/2026/NĐ-CP") == true)
    #expect(try await bed.rowCounts() == before)
    #expect(try await bed.attachmentFiles() == files)
    // The attachment is untouched and still the sender's to use.
    let sent = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(key: "secret-1", attachments: [attachment.attachmentId]), as: Caller.clerk("DUK"))
    #expect(sent.document?.attachments == [attachment])
  }

  @Test func aDuplicateIsRefusedUnlessConfirmedWithAReason() async throws {
    let bed = try await TestBed.make()
    let clerk = Caller.clerk("DUK")
    let first = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: clerk)
    let firstId = try #require(first.document?.documentId)
    let before = try await bed.rowCounts()
    let same = await failure { try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: clerk) }
    #expect(same?.code == .alreadyExists)
    #expect(same?.message.hasPrefix("confirm_duplicate_reason:") == true)
    #expect(same?.message.contains(firstId) == true)
    // Same number, notation and issuer in the same year, written differently: still a duplicate.
    var retyped = Sample.send(number: "0125")
    retyped.metadata?.codeNotation = "cv/đuk"
    retyped.metadata?.issuedDate = CalendarDate(year: 2026, month: 10, day: 16)
    let similar = await failure { try await bed.invoke(ExchangeService.Send.self, retyped, as: clerk) }
    #expect(similar?.code == .alreadyExists)
    #expect(try await bed.rowCounts() == before)
    let check = try await bed.invoke(
      ExchangeService.CheckDuplicates.self, ExchangeCheckDuplicatesRequest(metadata: retyped.metadata), as: clerk)
    #expect(check.matches.map(\.documentId) == [firstId])
    #expect(check.matches.first?.rule == .sameNumberNotationIssuer)
    #expect(check.matches.first?.sender?.unitCode == "DUK")
    retyped.confirmDuplicateReason = "  Gửi lại do sai ngày ban hành  "
    let confirmed = try await bed.invoke(ExchangeService.Send.self, retyped, as: clerk)
    let confirmation = try #require(confirmed.document?.duplicateConfirmation)
    #expect(confirmation.reason == "Gửi lại do sai ngày ban hành")
    #expect(confirmation.duplicateOf == [firstId])
    #expect(confirmation.confirmed?.principalId == "clerk-DUK")
    #expect(confirmed.deliveries.map(\.arrivalNumber) == [2, 2])
  }

  @Test func aRepeatWithTheSameKeyIsAnsweredOnceAndWritesNothing() async throws {
    let bed = try await TestBed.make()
    let clerk = Caller.clerk("DUK")
    let first = try await bed.invoke(ExchangeService.Send.self, Sample.send(key: "send-125"), as: clerk)
    let after = try await bed.rowCounts()
    let again = try await bed.invoke(ExchangeService.Send.self, Sample.send(key: "send-125"), as: clerk)
    #expect(again.replayed)
    #expect(again.document == first.document)
    #expect(again.deliveries == first.deliveries)
    #expect(try await bed.rowCounts() == after)
    let other = await failure { try await bed.invoke(ExchangeService.Send.self, Sample.send(number: "127", key: "send-125"), as: clerk) }
    #expect(other?.code == .failedPrecondition)
    #expect(other?.message.hasPrefix("idempotency_key:") == true)
    #expect(try await bed.rowCounts() == after)
  }

  @Test func validationNamesTheFieldAndStoresNothing() async throws {
    let bed = try await TestBed.make()
    let clerk = Caller.clerk("DUK")
    let before = try await bed.rowCounts()
    var cases: [(ExchangeSendRequest, RPCError.Code, String)] = []
    var request = Sample.send()
    request.metadata?.subject = "  "
    cases.append((request, .invalidArgument, "metadata.subject:"))
    request = Sample.send()
    request.metadata?.recipients[1].organId = "000.00.32.h41"
    cases.append((request, .invalidArgument, "metadata.recipients[1].organ_id:"))
    request = Sample.send()
    request.metadata?.recipients[2].name = ""
    cases.append((request, .invalidArgument, "metadata.recipients[2].name:"))
    request = Sample.send()
    request.metadata?.issuedDate = nil
    cases.append((request, .invalidArgument, "metadata.issued_date:"))
    request = Sample.send()
    request.metadata?.issuedDate = CalendarDate(year: 0, month: 2, day: 30)
    cases.append((request, .invalidArgument, "metadata.issued_date:"))
    request = Sample.send()
    request.metadata?.dueDate = CalendarDate(year: 2026, month: 10, day: 1)
    cases.append((request, .invalidArgument, "metadata.due_date:"))
    request = Sample.send()
    request.metadata?.urgency = ExchangeUrgency(rawValue: 9)
    cases.append((request, .invalidArgument, "metadata.urgency:"))
    request = Sample.send()
    request.metadata?.pageCount = -3
    cases.append((request, .invalidArgument, "metadata.page_count:"))
    request = Sample.send()
    request.metadata?.documentId = "000.00.00.H41,2026/10/15,999/CV/ĐUK"
    cases.append((request, .invalidArgument, "metadata.document_id:"))
    request = Sample.send()
    request.metadata?.organId = "000.00.31.H41"
    cases.append((request, .invalidArgument, "metadata.organ_id:"))
    request = Sample.send(attachments: ["att-missing"])
    cases.append((request, .notFound, "attachment_ids[0]:"))
    request = Sample.send(receivers: [ExchangeOrgan(organId: "000.00.33.H41")])
    cases.append((request, .invalidArgument, "receivers[0].organ_id:"))
    request = Sample.send(receivers: Array(repeating: Sample.homeAffairs, count: 100_000))
    cases.append((request, .invalidArgument, "receivers:"))
    request = Sample.send()
    request.metadata?.issuingOrganName = String(repeating: "Đ", count: 1_000_000)
    cases.append((request, .invalidArgument, "metadata.issuing_organ_name:"))
    request = ExchangeSendRequest()
    cases.append((request, .invalidArgument, "metadata:"))
    for (request, code, prefix) in cases {
      let error = await failure { try await bed.invoke(ExchangeService.Send.self, request, as: clerk) }
      #expect(error?.code == code, "\(prefix)")
      #expect(error?.message.hasPrefix(prefix) == true, "\(error?.message.prefix(200) ?? "")")
    }
    #expect(try await bed.rowCounts() == before)
  }

  @Test func aClerkSendsOnlyAsTheirOwnUnit() async throws {
    let bed = try await TestBed.make()
    let before = try await bed.rowCounts()
    var request = Sample.send()
    request.sender = ExchangeOrgan(organId: "000.00.00.H41")
    let error = await failure { try await bed.invoke(ExchangeService.Send.self, request, as: Caller.clerk("SNV")) }
    #expect(error?.code == .permissionDenied)
    request.sender = ExchangeOrgan(organId: "000.00.99.H41")
    let unknown = await failure { try await bed.invoke(ExchangeService.Send.self, request, as: Caller.clerk("SNV")) }
    #expect(unknown?.code == .permissionDenied)
    #expect(try await bed.rowCounts() == before)
    // An administrator names the sending unit.
    let sent = try await bed.invoke(ExchangeService.Send.self, request.with { $0.sender = Sample.duk }, as: Caller.admin())
    #expect(sent.document?.sender?.unitCode == "DUK")
  }

  @Test func aRecipientOutsideTheRegistryMustBeLeftOutExplicitly() async throws {
    let bed = try await TestBed.make()
    var request = Sample.send()
    request.metadata?.recipients.insert(ExchangeOrgan(organId: "000.00.00.G22", name: "Văn phòng Chính phủ"), at: 0)
    let error = await failure { try await bed.invoke(ExchangeService.Send.self, request, as: Caller.clerk("DUK")) }
    #expect(error?.code == .notFound)
    #expect(error?.message.hasPrefix("metadata.recipients[0].organ_id:") == true)
    request.receivers = [Sample.homeAffairs]
    let sent = try await bed.invoke(ExchangeService.Send.self, request, as: Caller.clerk("DUK"))
    #expect(sent.deliveries.map { $0.receiver?.unitCode } == ["SNV"])
  }
}

extension ExchangeSendRequest {
  /// A copy with `change` applied.
  func with(_ change: (inout ExchangeSendRequest) -> Void) -> ExchangeSendRequest {
    var copy = self
    change(&copy)
    return copy
  }
}
