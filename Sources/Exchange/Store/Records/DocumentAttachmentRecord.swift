import GRDB

/// A row of `exchange_document_attachments`: attachment `position` of a document.
struct DocumentAttachmentRecord: ExchangeRecord {
  static let databaseTableName = "exchange_document_attachments"

  var docSeq: Int64
  var position: Int
  var attachmentId: String
}
