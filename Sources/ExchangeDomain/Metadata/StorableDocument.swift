import ReformKit

/// A document the exchange may store and send: not secret, valid, and normalized (NFC,
/// trimmed), with its ``documentId`` computed.
///
/// The only way to one is ``init(admitting:today:)``, which refuses a secret document before it
/// looks at anything else; so a store that accepts only `StorableDocument` cannot write a byte of
/// a secret document, and the edXML writer cannot export one.
public struct StorableDocument: Sendable, Hashable {
  /// The normalized document; its `metadata.documentId` is filled with ``documentId``.
  public let document: ExchangeDocument
  /// The national identifier.
  public let documentId: DocumentId

  /// Admits `document`: refuses it with `failedPrecondition` when it is secret, then with the
  /// first validation error (``ExchangeDocument/validationErrors(today:)``), if any.
  public init(admitting document: ExchangeDocument, today: CivilDate) throws(DocumentError) {
    if let refusal = document.metadata.secretRefusal() { throw refusal }
    let normalized = document.normalized()
    try normalized.validate(today: today)
    guard let documentId = normalized.metadata.computedDocumentId() else {
      // validate(today:) has checked every part of the DocumentId.
      preconditionFailure("a valid document has a DocumentId")
    }
    var stored = normalized
    stored.metadata.documentId = documentId.description
    self.document = stored
    self.documentId = documentId
  }

  /// The metadata.
  public var metadata: DocumentMetadata { document.metadata }
  /// The attachments' metadata.
  public var attachments: [Attachment] { document.attachments }
}
