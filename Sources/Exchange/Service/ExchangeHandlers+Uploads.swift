import ExchangeDomain
import Foundation
import GRPCCore
import ReformModule
import ReformWire

extension ExchangeHandlers {
  /// BeginUpload: an upload for the acting unit; a repeat of the key returns the same upload and
  /// how much of it arrived.
  func beginUpload(_ request: ExchangeBeginUploadRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeUpload
  {
    let unit = try Acting.requiredUnit(request.unitCode, field: "unit_code", context)
    try ExchangeLimits.checkKey(request.idempotencyKey, field: "idempotency_key")
    try ExchangeLimits.checkLength(request.name, field: "name", max: ExchangeLimits.maxLineLength)
    guard !request.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw FieldError.invalid("name", "required, e.g. 7816-VPCP-TTDT.pdf").rpcError
    }
    try ExchangeLimits.checkLength(request.mediaType, field: "media_type", max: 255)
    guard Self.isMediaType(request.mediaType) else {
      throw FieldError.invalid("media_type", "\"\(request.mediaType)\" is not a media type such as application/pdf").rpcError
    }
    guard (1...Attachment.maxSizeBytes).contains(request.sizeBytes) else {
      throw FieldError.invalid("size_bytes", "\(request.sizeBytes) bytes; must be 1 to \(Attachment.maxSizeBytes) (50 MB)").rpcError
    }
    guard request.sha256.isEmpty || Self.isSHA256(request.sha256) else {
      throw FieldError.invalid("sha256", "must be 64 lower-case hexadecimal characters, or empty to have it computed").rpcError
    }
    let nowUs = nowMicroseconds
    let candidate = try await guarded("BeginUpload") {
      UploadRecord(
        uploadId: ExchangeIDs.make(.upload), unitCode: unit,
        idempotencyKey: request.idempotencyKey.isEmpty ? nil : request.idempotencyKey,
        fingerprint: try Fingerprint.of(request), name: request.name, mediaType: request.mediaType,
        declaredSize: request.sizeBytes, declaredSha256: request.sha256, receivedBytes: 0, state: .open,
        createdUs: nowUs, expiresUs: nowUs + ExchangeLimits.uploadLifetimeMicroseconds)
    }
    let (upload, created) = try await guarded("BeginUpload") {
      await content.remove(try await store.purgeExpiredUploads(nowUs: nowUs))
      await content.sweep(untouchedSince: nowUs - ExchangeLimits.uploadLifetimeMicroseconds)
      return try await store.beginUpload(candidate)
    }
    if !created, upload.fingerprint != candidate.fingerprint {
      throw FieldError.precondition(
        "idempotency_key", "\"\(request.idempotencyKey)\" already began a different upload; use a new key for a new upload").rpcError
    }
    context.audit.record(target: upload.uploadId, unit: unit)
    return Self.describe(upload)
  }

  /// UploadChunk: the bytes at `offset`; a chunk already received is ignored.
  func uploadChunk(_ request: ExchangeUploadChunkRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeUpload
  {
    let upload = try await scopedUpload(request.uploadId, context)
    guard request.offset >= 0 else { throw FieldError.invalid("offset", "must not be negative; got \(request.offset)").rpcError }
    guard request.content.count <= ExchangeLimits.maxChunkBytes else {
      throw FieldError.tooLarge(
        "content", "\(request.content.count) bytes; a chunk holds at most \(ExchangeLimits.maxChunkBytes) (max_chunk_bytes)").rpcError
    }
    let updated = try await guarded("UploadChunk") {
      try await store.appendChunk(
        uploadId: upload.uploadId, offset: request.offset, content: request.content, nowUs: nowMicroseconds,
        blobs: content.folder)
    }
    context.audit.record(target: upload.uploadId, unit: upload.unitCode)
    return Self.describe(updated)
  }

  /// CommitUpload: checks size and SHA-256, makes the file durable, and returns the attachment;
  /// a second commit returns the same.
  func commitUpload(_ request: ExchangeCommitUploadRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeAttachment
  {
    let upload = try await scopedUpload(request.uploadId, context)
    context.audit.record(target: upload.uploadId, unit: upload.unitCode)
    if upload.state == .committed, let committed = upload.attachmentId,
      let attachment = try await guarded("CommitUpload", { try await store.attachments([committed])[committed] })
    {
      return ExchangeAttachment(attachment)
    }
    do {
      try upload.checkCommittable(nowUs: nowMicroseconds)
    } catch {
      throw FieldError(error).rpcError
    }
    let attachment = try await guarded("CommitUpload") {
      let (size, sha256) = try await content.seal(upload.fileName)
      return try await store.commitUpload(
        uploadId: upload.uploadId, size: size, sha256: sha256, attachmentId: ExchangeIDs.make(.attachment),
        nowUs: nowMicroseconds)
    }
    return ExchangeAttachment(attachment)
  }

  /// AbortUpload: discards an uncommitted upload and its bytes.
  func abortUpload(_ request: ExchangeAbortUploadRequest, _ context: JobContext) async throws(RPCError) -> Empty {
    let upload = try await scopedUpload(request.uploadId, context)
    _ = try await guarded("AbortUpload") { try await store.abortUpload(upload.uploadId) }
    await content.remove([upload.fileName])
    context.audit.record(target: upload.uploadId, unit: upload.unitCode)
    return Empty()
  }

  /// The upload `uploadId`, after the scope check on the unit it belongs to.
  private func scopedUpload(_ uploadId: String, _ context: JobContext) async throws(RPCError) -> UploadRecord {
    try ExchangeLimits.requireKey(uploadId, field: "upload_id")
    guard let upload = try await guarded("reading the upload", { try await store.upload(uploadId) }) else {
      throw FieldError.notFound("upload_id", "no upload \(uploadId); it may have expired").rpcError
    }
    try context.requireScope(over: upload.unitCode, field: "upload_id")
    return upload
  }

  static func describe(_ upload: UploadRecord) -> ExchangeUpload {
    ExchangeUpload(
      uploadId: upload.uploadId, receivedBytes: upload.receivedBytes, maxChunkBytes: Int32(ExchangeLimits.maxChunkBytes),
      expiresAt: Timestamp(microseconds: upload.expiresUs))
  }

  /// `type/subtype` in the restricted names of RFC 6838, without parameters.
  static func isMediaType(_ text: String) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count == 2
      && parts.allSatisfy { part in
        guard let first = part.first, first.isASCII, first.isLetter || first.isNumber, part.count <= 127 else {
          return false
        }
        return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "!#$&^_.+-".contains($0)) }
      }
  }

  /// 64 characters of 0–9 and a–f.
  static func isSHA256(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }
}
