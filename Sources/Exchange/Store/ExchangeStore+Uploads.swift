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
      guard var upload = try UploadRecord.fetchOne(db, key: uploadId) else { throw UploadRecord.missing(uploadId) }
      guard let chunk = try upload.takeChunk(content, at: offset, nowUs: nowUs) else { return upload }
      try blobs.write(chunk.bytes, to: upload.fileName, at: chunk.fileOffset)
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
      guard var upload = try UploadRecord.fetchOne(db, key: uploadId) else { throw UploadRecord.missing(uploadId) }
      if let committed = upload.committedAttachmentId, let attachment = try AttachmentRecord.fetchOne(db, key: committed) {
        return attachment
      }
      var attachment = try upload.commit(size: size, sha256: sha256, attachmentId: attachmentId, nowUs: nowUs)
      try attachment.insert(db)
      try upload.update(db)
      return attachment
    }
  }

  /// Marks an open upload aborted and returns it; an aborted one is returned as it is.
  func abortUpload(_ uploadId: String) async throws -> UploadRecord {
    try await database.write { db in
      guard var upload = try UploadRecord.fetchOne(db, key: uploadId) else { throw UploadRecord.missing(uploadId) }
      if try upload.abort() { try upload.update(db) }
      return upload
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
