import Foundation
import GRDB

extension ExchangeStore {
  /// The upload `uploadId`, if there is one.
  func upload(_ uploadId: String) async throws -> UploadRecord? {
    try await database.read { db in try UploadRecord.fetchOne(db, key: uploadId) }
  }

  /// Stores `upload`, or returns the one its unit already began with the same idempotency key
  /// (`created` false), which the caller compares by fingerprint.
  func beginUpload(_ upload: UploadRecord) async throws -> (upload: UploadRecord, created: Bool) {
    try await database.write { db in
      if let key = upload.idempotencyKey,
        let earlier = try UploadRecord.filter(Column("unit_code") == upload.unitCode && Column("idempotency_key") == key)
          .fetchOne(db)
      {
        return (earlier, false)
      }
      var row = upload
      try row.insert(db)
      return (row, true)
    }
  }

  /// Deletes up to `limit` uploads that expired uncommitted before `nowUs` and returns their
  /// file names, for the caller to remove once the deletion is committed.
  func purgeExpiredUploads(nowUs: Int64, limit: Int) async throws -> [String] {
    try await database.write { db in
      let expired = try UploadRecord.filter(Column("state") != UploadRecord.State.committed.rawValue)
        .filter(Column("expires_us") < nowUs).limit(limit).fetchAll(db)
      for upload in expired { _ = try upload.delete(db) }
      return expired.map(\.fileName)
    }
  }

  /// Writes the part of `content` at `offset` that extends the upload, inside the write
  /// transaction so that chunks of one upload arriving at several processes are applied one at a
  /// time; a chunk wholly below what was received is ignored.
  func appendChunk(
    uploadId: String, offset: Int64, content: [UInt8], nowUs: Int64, blobs: BlobFolder
  ) async throws -> UploadRecord {
    try await database.write { db in
      guard var upload = try UploadRecord.fetchOne(db, key: uploadId) else {
        throw ExchangeStoreRefusal(.notFound, field: "upload_id", "no upload \(uploadId); it may have expired")
      }
      try upload.checkOpen(nowUs: nowUs)
      guard offset <= upload.receivedBytes else {
        throw ExchangeStoreRefusal(
          .failedPrecondition, field: "offset", "\(offset) is past the \(upload.receivedBytes) bytes received so far; send from offset \(upload.receivedBytes)")
      }
      let end = offset + Int64(content.count)
      guard end <= upload.declaredSize else {
        throw ExchangeStoreRefusal(
          .invalidArgument, field: "content", "the chunk ends at byte \(end), past the declared size of \(upload.declaredSize) bytes")
      }
      guard end > upload.receivedBytes else { return upload }
      let fresh = content.dropFirst(Int(upload.receivedBytes - offset))
      try blobs.write(fresh, to: upload.fileName, at: upload.receivedBytes)
      upload.receivedBytes = end
      try upload.update(db)
      return upload
    }
  }

  /// Seals an upload whose file was found to hold `size` bytes with digest `sha256`, as an
  /// attachment `attachmentId`; a committed upload returns its attachment.
  func commitUpload(
    uploadId: String, size: Int64, sha256: String, attachmentId: String, nowUs: Int64
  ) async throws -> AttachmentRecord {
    try await database.write { db in
      guard var upload = try UploadRecord.fetchOne(db, key: uploadId) else {
        throw ExchangeStoreRefusal(.notFound, field: "upload_id", "no upload \(uploadId); it may have expired")
      }
      if upload.state == .committed, let committed = upload.attachmentId,
        let attachment = try AttachmentRecord.fetchOne(db, key: committed)
      {
        return attachment
      }
      try upload.checkCommittable(nowUs: nowUs)
      guard size == upload.declaredSize else {
        throw ExchangeStoreRefusal(
          .failedPrecondition, field: "upload_id", "the file holds \(size) bytes, not the \(upload.declaredSize) received; abort the upload and send the file again")
      }
      if !upload.declaredSha256.isEmpty, upload.declaredSha256 != sha256 {
        throw ExchangeStoreRefusal(
          .failedPrecondition, field: "upload_id",
          "the content's SHA-256 is \(sha256), not the \(upload.declaredSha256) declared at BeginUpload; abort the upload and send the file again")
      }
      var attachment = AttachmentRecord(
        attachmentId: attachmentId, unitCode: upload.unitCode, name: upload.name, mediaType: upload.mediaType,
        sizeBytes: size, sha256: sha256, note: "", fileName: upload.fileName, committedUs: nowUs)
      try attachment.insert(db)
      upload.state = .committed
      upload.attachmentId = attachmentId
      try upload.update(db)
      return attachment
    }
  }

  /// Marks an open upload aborted and returns it; an aborted one is returned as it is.
  func abortUpload(_ uploadId: String) async throws -> UploadRecord {
    try await database.write { db in
      guard var upload = try UploadRecord.fetchOne(db, key: uploadId) else {
        throw ExchangeStoreRefusal(.notFound, field: "upload_id", "no upload \(uploadId); it may have expired")
      }
      switch upload.state {
      case .aborted:
        return upload
      case .committed:
        throw ExchangeStoreRefusal(
          .failedPrecondition, field: "upload_id", "the upload was committed as attachment \(upload.attachmentId ?? ""); it can no longer be discarded")
      case .open:
        upload.state = .aborted
        try upload.update(db)
        return upload
      }
    }
  }

  /// The attachments `ids`, by id; missing ones are left out.
  func attachments(_ ids: [String]) async throws -> [String: AttachmentRecord] {
    try await database.read { db in
      let found = try AttachmentRecord.filter(keys: ids).fetchAll(db)
      return Dictionary(found.map { ($0.attachmentId, $0) }, uniquingKeysWith: { first, _ in first })
    }
  }
}
