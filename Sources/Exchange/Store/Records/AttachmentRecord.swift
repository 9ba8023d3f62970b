import GRDB
import ReformStore

/// A row of `exchange_attachments`: sealed content on disk, with its size and SHA-256, owned by
/// the unit that uploaded (or imported) it.
struct AttachmentRecord: SnakeCaseRecord {
  static let databaseTableName = "exchange_attachments"

  var attachmentId: String
  var unitCode: String
  var name: String
  var mediaType: String
  var sizeBytes: Int64
  var sha256: String
  var note: String
  /// The content's file, under the module's blob folder.
  var fileName: String
  var committedUs: Int64
}
