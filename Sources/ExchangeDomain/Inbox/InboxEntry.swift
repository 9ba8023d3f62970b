/// A document in a receiver's inbox (sổ văn bản đến): the document and that receiver's copy,
/// as the protocol's `ExchangeIncoming`.
public struct InboxEntry: Sendable, Hashable {
  /// The document.
  public var document: StorableDocument
  /// The receiver's copy.
  public var delivery: Delivery

  /// An entry of `document` with the receiver's `delivery`.
  public init(document: StorableDocument, delivery: Delivery) {
    self.document = document
    self.delivery = delivery
  }
}
