import GRDB
import ReformStore

/// A row of `exchange_document_attachments`: attachment `position` of a document.
struct DocumentAttachmentRecord: SnakeCaseRecord {
  static let databaseTableName = "exchange_document_attachments"

  var docSeq: Int64
  var position: Int
  var attachmentId: String
}
