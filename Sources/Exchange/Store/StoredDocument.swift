/// A document as the store returns it: its row and its attachments in order.
struct StoredDocument: Sendable {
  var record: DocumentRecord
  var attachments: [AttachmentRecord]
}
