import Foundation
import ReformModule
import ReformWire
import Testing

@Suite("Persistence across reopening the module")
struct PersistenceTests {
  @Test func whatWasAcknowledgedIsThereAfterReopening() async throws {
    let bed = try await TestBed.make()
    let content = Sample.bytes(5_000)
    let attachment = try await bed.upload(content, unit: "DUK")
    let first = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(key: "k-1", attachments: [attachment.attachmentId]), as: Caller.clerk("DUK"))
    _ = try await bed.invoke(
      ExchangeService.SendNotice.self,
      ExchangeSendNoticeRequest(documentId: first.document?.documentId ?? "", code: .registered), as: Caller.clerk("SNV"))
    let reopened = try TestBed(folder: bed.folder)
    let read = try await reopened.invoke(
      ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: first.document?.documentId ?? ""),
      as: Caller.clerk("SNV"))
    #expect(read.document == first.document)
    #expect(read.delivery?.status == .registered)
    let fetched = try await reopened.stream(
      ExchangeService.FetchAttachment.self,
      ExchangeFetchAttachmentRequest(documentId: first.document?.documentId ?? "", attachmentId: attachment.attachmentId),
      as: Caller.clerk("SNV"))
    #expect(fetched.flatMap(\.content) == content)
    let repeated = try await reopened.invoke(
      ExchangeService.Send.self, Sample.send(key: "k-1", attachments: [attachment.attachmentId]), as: Caller.clerk("DUK"))
    #expect(repeated.replayed)
    #expect(repeated.deliveries == first.deliveries)
    let next = try await reopened.invoke(ExchangeService.Send.self, Sample.send(number: "126"), as: Caller.clerk("DUK"))
    #expect(next.deliveries.map(\.arrivalNumber) == [2, 2])
  }
}
