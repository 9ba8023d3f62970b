import ArgumentParser
import Crypto
import Foundation
import ReformClient
import ReformWire

/// One file uploaded to the exchange as an attachment: `BeginUpload`, then `UploadChunk` in
/// chunks of at most 1 MiB read from the file one at a time, then `CommitUpload`, which checks
/// the size and the SHA-256 computed here first.
///
/// The upload's idempotency key makes the transfer resumable: run again with the same key
/// (`docs send --key`), `BeginUpload` answers with the bytes already received and the transfer
/// goes on from there; a committed upload gives back the same attachment.
struct AttachmentUpload: Sendable {
  /// The largest chunk sent, unless the service takes less.
  static let chunkBytes = 1 << 20

  /// The file to send.
  let path: String
  /// `BeginUpload`'s idempotency key.
  let key: String
  /// The unit the upload is for: the sending unit; empty for the caller's own.
  let unit: String

  /// Uploads the file, with a progress bar on standard error when it takes more than a chunk.
  func run(client: ReformClient, timeout: Duration) async throws -> ExchangeAttachment {
    let url = URL(fileURLWithPath: path)
    let (size, sha256) = try Self.digest(of: url)
    let name = url.lastPathComponent
    let begin = ExchangeBeginUploadRequest(
      idempotencyKey: key, unitCode: unit, name: name, mediaType: Self.mediaType(of: name), sizeBytes: size, sha256: sha256)
    var upload = try await KeyedRetry.run("uploading \(name)") {
      try await client.call(ExchangeService.BeginUpload.self, begin, timeout: timeout)
    }
    let chunk = min(Self.chunkBytes, Int(upload.maxChunkBytes > 0 ? upload.maxChunkBytes : Int32(Self.chunkBytes)))
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var bar = ProgressBar()
    let showsProgress = size > Int64(chunk)
    while upload.receivedBytes < size {
      let offset = upload.receivedBytes
      try handle.seek(toOffset: UInt64(offset))
      let content = try handle.read(upToCount: chunk) ?? Data()
      guard !content.isEmpty else {
        throw TransferFailure("\(path): the file shrank while it was being sent; send it again")
      }
      let request = ExchangeUploadChunkRequest(uploadId: upload.uploadId, offset: offset, content: [UInt8](content))
      upload = try await KeyedRetry.run("uploading \(name)") {
        try await client.call(ExchangeService.UploadChunk.self, request, timeout: timeout)
      }
      if showsProgress { bar.update(phase: "sending \(name)", done: upload.receivedBytes, total: size) }
    }
    bar.finish()
    let commit = ExchangeCommitUploadRequest(uploadId: upload.uploadId)
    return try await KeyedRetry.run("uploading \(name)") {
      try await client.call(ExchangeService.CommitUpload.self, commit, timeout: timeout)
    }
  }

  /// The file's size and SHA-256 in lowercase hex, read a chunk at a time.
  static func digest(of url: URL) throws -> (size: Int64, sha256: String) {
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw ValidationError("\(url.path): no such readable file")
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    var size: Int64 = 0
    while let data = try handle.read(upToCount: chunkBytes), !data.isEmpty {
      hasher.update(data: data)
      size += Int64(data.count)
    }
    guard size > 0 else { throw ValidationError("\(url.path): the file is empty") }
    return (size, hex(hasher.finalize()))
  }

  /// A digest in lowercase hex, as the exchange writes SHA-256.
  static func hex(_ digest: SHA256.Digest) -> String {
    digest.map { String(format: "%02x", $0) }.joined()
  }

  /// The media type of a file by its extension: the formats agencies exchange; anything else
  /// as `application/octet-stream`.
  static func mediaType(of name: String) -> String {
    switch URL(fileURLWithPath: name).pathExtension.lowercased() {
    case "pdf": "application/pdf"
    case "doc": "application/msword"
    case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case "xls": "application/vnd.ms-excel"
    case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    case "odt": "application/vnd.oasis.opendocument.text"
    case "ods": "application/vnd.oasis.opendocument.spreadsheet"
    case "xml", "edxml": "application/xml"
    case "txt": "text/plain"
    case "csv": "text/csv"
    case "png": "image/png"
    case "jpg", "jpeg": "image/jpeg"
    case "tif", "tiff": "image/tiff"
    case "zip": "application/zip"
    case "rar": "application/vnd.rar"
    case "p7s": "application/pkcs7-signature"
    default: "application/octet-stream"
    }
  }
}
