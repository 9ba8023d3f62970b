/// A document as a sender submits it or an edXML envelope brings it: its metadata and its
/// attachments' metadata, not yet checked.
///
/// ``validationErrors(today:)`` lists what is wrong; ``StorableDocument/init(admitting:today:)``
/// turns it into the only form the store accepts.
public struct ExchangeDocument: Sendable, Hashable {
  /// The document's metadata.
  public var metadata: DocumentMetadata
  /// Its attachments, in order.
  public var attachments: [Attachment]

  /// A document with `metadata` and `attachments`.
  public init(metadata: DocumentMetadata, attachments: [Attachment] = []) {
    self.metadata = metadata
    self.attachments = attachments
  }
}
