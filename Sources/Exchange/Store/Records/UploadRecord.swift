import Foundation
import GRDB
import ReformStore

/// A row of `exchange_uploads`: a chunked upload, open until committed, aborted or expired.
struct UploadRecord: SnakeCaseRecord {
  static let databaseTableName = "exchange_uploads"

  /// Where an upload stands.
  enum State: String, Codable, Sendable {
    case open, committed, aborted
  }

  var uploadId: String
  /// The unit the upload belongs to: only it can attach the result.
  var unitCode: String
  /// Nil when the request had none.
  var idempotencyKey: String?
  /// SHA-256 of the BeginUpload request without its key, to tell a repeat from a new request.
  var fingerprint: Data
  var name: String
  var mediaType: String
  var declaredSize: Int64
  /// Empty when the digest is to be computed at commit.
  var declaredSha256: String
  /// Bytes written contiguously from offset 0.
  var receivedBytes: Int64
  var state: State
  var createdUs: Int64
  var expiresUs: Int64
  /// Set once committed.
  var attachmentId: String?

  /// The upload's content file, under the module's blob folder.
  var fileName: String { uploadId }

  /// Refused (failed precondition on `upload_id`) unless the upload still takes chunks: open and not expired.
  func checkOpen(nowUs: Int64) throws(ExchangeStoreRefusal) {
    switch state {
    case .committed:
      throw ExchangeStoreRefusal(
        .failedPrecondition, field: "upload_id", "the upload was already committed as attachment \(attachmentId ?? "")")
    case .aborted:
      throw ExchangeStoreRefusal(.failedPrecondition, field: "upload_id", "the upload was aborted; begin a new one")
    case .open:
      guard expiresUs > nowUs else {
        throw ExchangeStoreRefusal(.failedPrecondition, field: "upload_id", "the upload expired uncommitted; begin a new one")
      }
    }
  }

  /// Refused (failed precondition on `upload_id`) unless the upload can be committed: open, and every declared byte in.
  func checkCommittable(nowUs: Int64) throws(ExchangeStoreRefusal) {
    try checkOpen(nowUs: nowUs)
    guard receivedBytes == declaredSize else {
      throw ExchangeStoreRefusal(
        .failedPrecondition, field: "upload_id", "\(receivedBytes) of the declared \(declaredSize) bytes arrived; send the rest from offset \(receivedBytes)")
    }
  }
}
