/// What ``EdxmlReader`` read from an envelope: the document, not yet admitted, and whether the
/// envelope carried the attachments' content.
///
/// The document's `metadata.documentId` is the envelope's `DocumentId`, so admitting it
/// (``StorableDocument/init(admitting:today:)``) checks that it matches the header. Its
/// confidentiality is ``Confidentiality/normal``: edXML has no element for it, since secret
/// documents never travel over the exchange.
public struct EdxmlImport: Sendable, Hashable {
  /// The document the envelope describes.
  public var document: ExchangeDocument
  /// True when the envelope held `AttachmentEncoded`, and so every attachment's bytes went to
  /// its sink; false for a metadata-only envelope.
  public var includesContent: Bool

  /// An import of `document`.
  public init(document: ExchangeDocument, includesContent: Bool) {
    self.document = document
    self.includesContent = includesContent
  }
}
