import Foundation
import ReformModule
import ReformWire

extension TestBed {
  /// Begins an upload of `size` bytes for `unit`, as its clerk.
  func beginUpload(
    _ name: String, mediaType: String = "application/pdf", size: Int64, unit: String, sha256: String = ""
  ) async throws -> ExchangeUpload {
    try await invoke(
      ExchangeService.BeginUpload.self,
      ExchangeBeginUploadRequest(name: name, mediaType: mediaType, sizeBytes: size, sha256: sha256),
      as: Caller.clerk(unit))
  }

  /// Uploads `content` for `unit` in chunks of `chunk` bytes and commits it.
  func upload(
    _ content: [UInt8], unit: String, name: String = "125-CV-ĐUK.pdf", chunk: Int = 64 * 1024, sha256: String = ""
  ) async throws -> ExchangeAttachment {
    let clerk = Caller.clerk(unit)
    let upload = try await beginUpload(name, size: Int64(content.count), unit: unit, sha256: sha256)
    var offset = 0
    while offset < content.count {
      let end = min(offset + chunk, content.count)
      _ = try await invoke(
        ExchangeService.UploadChunk.self,
        ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: Int64(offset), content: Array(content[offset..<end])),
        as: clerk)
      offset = end
    }
    return try await invoke(ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: upload.uploadId), as: clerk)
  }
}
