import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

@Suite("Attachments: chunked upload, commit, fetch")
struct UploadTests {
  @Test func chunksUploadedThenFetchedGiveTheSameBytes() async throws {
    let bed = try await TestBed.make()
    let content = Sample.bytes(300_000)
    let attachment = try await bed.upload(content, unit: "DUK", chunk: 100_000)
    #expect(attachment.sizeBytes == 300_000)
    #expect(attachment.sha256.count == 64)
    let sent = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(attachments: [attachment.attachmentId]), as: Caller.clerk("DUK"))
    let chunks = try await bed.stream(
      ExchangeService.FetchAttachment.self,
      ExchangeFetchAttachmentRequest(
        documentId: sent.document?.documentId ?? "", attachmentId: attachment.attachmentId, maxChunkBytes: 65_536),
      as: Caller.clerk("SNV"))
    #expect(chunks.count == 5)
    #expect(chunks.first?.attachment == attachment)
    #expect(chunks.dropFirst().allSatisfy { $0.attachment == nil })
    #expect(chunks.map(\.last) == [false, false, false, false, true])
    #expect(chunks.map(\.offset) == [0, 65_536, 131_072, 196_608, 262_144])
    #expect(chunks.flatMap(\.content) == content)
  }

  @Test func fiftyMegabytesUploadAndFetchInChunks() async throws {
    let bed = try await TestBed.make()
    let mebibyte = 1 << 20
    let block = Sample.bytes(mebibyte, seed: 11)
    // Each mebibyte differs by its first bytes, so a chunk in the wrong place shows.
    func chunk(_ index: Int) -> [UInt8] { withUnsafeBytes(of: Int64(index).littleEndian, Array.init) + block.dropFirst(8) }
    let clerk = Caller.clerk("DUK")
    let upload = try await bed.beginUpload("Phụ lục.zip", mediaType: "application/zip", size: Int64(50 * mebibyte), unit: "DUK")
    #expect(upload.maxChunkBytes == Int32(mebibyte))
    for index in 0..<50 {
      let state = try await bed.invoke(
        ExchangeService.UploadChunk.self,
        ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: Int64(index * mebibyte), content: chunk(index)),
        as: clerk)
      #expect(state.receivedBytes == Int64((index + 1) * mebibyte))
    }
    let attachment = try await bed.invoke(
      ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: upload.uploadId), as: clerk)
    #expect(attachment.sizeBytes == Int64(50 * mebibyte))
    let sent = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(attachments: [attachment.attachmentId]), as: clerk)
    let chunks = try await bed.stream(
      ExchangeService.FetchAttachment.self,
      ExchangeFetchAttachmentRequest(
        documentId: sent.document?.documentId ?? "", attachmentId: attachment.attachmentId,
        maxChunkBytes: Int32(mebibyte)),
      as: Caller.clerk("STC"))
    #expect(chunks.count == 50)
    for (index, received) in chunks.enumerated() {
      #expect(received.offset == Int64(index * mebibyte))
      #expect(received.content == chunk(index), "chunk \(index)")
      #expect(received.last == (index == 49))
    }
  }

  @Test func aDeclaredDigestIsCheckedAtCommit() async throws {
    let bed = try await TestBed.make()
    let good = try await bed.upload(Array("abc".utf8), unit: "DUK", sha256: Sample.abcSHA256)
    #expect(good.sha256 == Sample.abcSHA256)
    let unchecked = try await bed.upload(Array("abc".utf8), unit: "DUK")
    #expect(unchecked.sha256 == Sample.abcSHA256)
    let error = await failure {
      try await bed.upload(Array("abd".utf8), unit: "DUK", sha256: Sample.abcSHA256)
    }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message.contains("SHA-256") == true)
  }

  @Test func aRepeatedChunkIsHarmlessAndAGapIsRefused() async throws {
    let bed = try await TestBed.make()
    let clerk = Caller.clerk("DUK")
    let upload = try await bed.beginUpload("a.txt", mediaType: "text/plain", size: 6, unit: "DUK")
    let chunk = ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: 0, content: Array("abc".utf8))
    _ = try await bed.invoke(ExchangeService.UploadChunk.self, chunk, as: clerk)
    let again = try await bed.invoke(ExchangeService.UploadChunk.self, chunk, as: clerk)
    #expect(again.receivedBytes == 3)
    let gap = await failure {
      try await bed.invoke(
        ExchangeService.UploadChunk.self,
        ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: 5, content: [0x66]), as: clerk)
    }
    #expect(gap?.code == .failedPrecondition)
    #expect(gap?.message.hasPrefix("offset:") == true)
    let early = await failure {
      try await bed.invoke(ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: upload.uploadId), as: clerk)
    }
    #expect(early?.code == .failedPrecondition)
    // Overlapping the received bytes: only the new part is written.
    let rest = try await bed.invoke(
      ExchangeService.UploadChunk.self,
      ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: 2, content: Array("cdef".utf8)), as: clerk)
    #expect(rest.receivedBytes == 6)
    let attachment = try await bed.invoke(
      ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: upload.uploadId), as: clerk)
    let twice = try await bed.invoke(
      ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: upload.uploadId), as: clerk)
    #expect(twice == attachment)
    #expect(attachment.sizeBytes == 6)
  }

  @Test func beginUploadWithTheSameKeyReturnsTheSameUpload() async throws {
    let bed = try await TestBed.make()
    let clerk = Caller.clerk("DUK")
    let request = ExchangeBeginUploadRequest(
      idempotencyKey: "up-1", name: "a.pdf", mediaType: "application/pdf", sizeBytes: 10)
    let first = try await bed.invoke(ExchangeService.BeginUpload.self, request, as: clerk)
    _ = try await bed.invoke(
      ExchangeService.UploadChunk.self,
      ExchangeUploadChunkRequest(uploadId: first.uploadId, offset: 0, content: [1, 2, 3, 4]), as: clerk)
    let again = try await bed.invoke(ExchangeService.BeginUpload.self, request, as: clerk)
    #expect(again.uploadId == first.uploadId)
    #expect(again.receivedBytes == 4)
    var other = request
    other.sizeBytes = 11
    let reused = await failure { try await bed.invoke(ExchangeService.BeginUpload.self, other, as: clerk) }
    #expect(reused?.code == .failedPrecondition)
    #expect(reused?.message.hasPrefix("idempotency_key:") == true)
  }

  @Test func aClerkOfAnotherUnitCannotTouchTheUpload() async throws {
    let bed = try await TestBed.make()
    let upload = try await bed.beginUpload("a.pdf", size: 3, unit: "DUK")
    let other = Caller.clerk("SNV")
    let chunk = await failure {
      try await bed.invoke(
        ExchangeService.UploadChunk.self,
        ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: 0, content: [1, 2, 3]), as: other)
    }
    #expect(chunk?.code == .permissionDenied)
    let commit = await failure {
      try await bed.invoke(ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: upload.uploadId), as: other)
    }
    #expect(commit?.code == .permissionDenied)
    let abort = await failure {
      try await bed.invoke(ExchangeService.AbortUpload.self, ExchangeAbortUploadRequest(uploadId: upload.uploadId), as: other)
    }
    #expect(abort?.code == .permissionDenied)
    let begin = await failure {
      try await bed.invoke(
        ExchangeService.BeginUpload.self,
        ExchangeBeginUploadRequest(unitCode: "DUK", name: "a.pdf", mediaType: "application/pdf", sizeBytes: 3), as: other)
    }
    #expect(begin?.code == .permissionDenied)
  }

  @Test func absurdValuesAreRefusedNamingTheField() async throws {
    let bed = try await TestBed.make()
    let clerk = Caller.clerk("DUK")
    let cases: [(ExchangeBeginUploadRequest, String)] = [
      (ExchangeBeginUploadRequest(name: "a.pdf", mediaType: "application/pdf", sizeBytes: 0), "size_bytes"),
      (ExchangeBeginUploadRequest(name: "a.pdf", mediaType: "application/pdf", sizeBytes: -5), "size_bytes"),
      (ExchangeBeginUploadRequest(name: "a.pdf", mediaType: "application/pdf", sizeBytes: 50 * 1024 * 1024 + 1), "size_bytes"),
      (ExchangeBeginUploadRequest(name: "a.pdf", mediaType: "pdf", sizeBytes: 5), "media_type"),
      (ExchangeBeginUploadRequest(name: "", mediaType: "application/pdf", sizeBytes: 5), "name"),
      (ExchangeBeginUploadRequest(name: String(repeating: "x", count: 1_000_000), mediaType: "application/pdf", sizeBytes: 5), "name"),
      (ExchangeBeginUploadRequest(name: "a.pdf", mediaType: "application/pdf", sizeBytes: 5, sha256: "ABC"), "sha256"),
      (ExchangeBeginUploadRequest(idempotencyKey: String(repeating: "k", count: 500), name: "a.pdf", mediaType: "application/pdf", sizeBytes: 5), "idempotency_key"),
    ]
    for (request, field) in cases {
      let error = await failure { try await bed.invoke(ExchangeService.BeginUpload.self, request, as: clerk) }
      #expect(error?.code == .invalidArgument, "\(field)")
      #expect(error?.message.hasPrefix("\(field):") == true, "\(error?.message ?? "")")
    }
    let upload = try await bed.beginUpload("a.pdf", size: 3, unit: "DUK")
    let negative = await failure {
      try await bed.invoke(
        ExchangeService.UploadChunk.self, ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: -1, content: [1]),
        as: clerk)
    }
    #expect(negative?.code == .invalidArgument)
    let past = await failure {
      try await bed.invoke(
        ExchangeService.UploadChunk.self, ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: 0, content: [1, 2, 3, 4]),
        as: clerk)
    }
    #expect(past?.code == .invalidArgument)
    #expect(past?.message.hasPrefix("content:") == true)
    let unknown = await failure {
      try await bed.invoke(ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: "up-nope"), as: clerk)
    }
    #expect(unknown?.code == .notFound)
  }

  @Test func abortDiscardsTheUploadAndItsFile() async throws {
    let bed = try await TestBed.make()
    let clerk = Caller.clerk("DUK")
    let upload = try await bed.beginUpload("a.pdf", size: 3, unit: "DUK")
    _ = try await bed.invoke(
      ExchangeService.UploadChunk.self, ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: 0, content: [1, 2]),
      as: clerk)
    #expect(try await bed.attachmentFiles() == [upload.uploadId])
    _ = try await bed.invoke(ExchangeService.AbortUpload.self, ExchangeAbortUploadRequest(uploadId: upload.uploadId), as: clerk)
    _ = try await bed.invoke(ExchangeService.AbortUpload.self, ExchangeAbortUploadRequest(uploadId: upload.uploadId), as: clerk)
    #expect(try await bed.attachmentFiles().isEmpty)
    let chunk = await failure {
      try await bed.invoke(
        ExchangeService.UploadChunk.self, ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: 2, content: [3]),
        as: clerk)
    }
    #expect(chunk?.code == .failedPrecondition)
  }
}
