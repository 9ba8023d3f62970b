import ReformKit

/// Văn bản đi: a document as its send records it, decided before anything is written: who sent
/// it and which unit answers for it as sender, the key the duplicate check finds it by, its dates
/// and urgency, and its subject as lists search it.
///
/// A store keeps one row of it per send, with the copies the receivers get; the same DocumentId
/// is sent twice only when the sender confirmed a duplicate.
///
/// ## Topics
/// - ``init(_:sendingUnit:sender:actingUnit:)``
/// - ``answeringUnit``, ``duplicateKey``, ``searchableSubject``
public struct OutgoingDocument: Sendable, Hashable {
  /// The admitted document.
  public let document: StorableDocument
  /// The registry unit that sends it; empty for an organ outside the registry (the issuer of an
  /// imported envelope).
  public let sendingUnit: String
  /// The organ it is sent from, as the receivers see it.
  public let sender: Organ
  /// The unit that answers for the document as sender (trace, recall, the sent list): the
  /// sending unit, or for an envelope from an organ outside the registry, the unit that
  /// imported it; empty when neither is known.
  public let answeringUnit: String
  /// What the second duplicate rule compares (``DuplicateKey``).
  public let duplicateKey: DuplicateKey
  /// The subject folded for search: lower case, no diacritics, `đ` read as `d`, so that
  /// "quyet dinh" finds "Quyết định".
  public let searchableSubject: String

  /// `document` as sent by `sender` from `sendingUnit`, the call acting for `actingUnit`.
  public init(_ document: StorableDocument, sendingUnit: String, sender: Organ, actingUnit: String?) {
    self.document = document
    self.sendingUnit = sendingUnit
    self.sender = sender
    answeringUnit = sendingUnit.isEmpty ? (actingUnit ?? "") : sendingUnit
    duplicateKey = DuplicateKey(document.documentId)
    searchableSubject = document.metadata.subject.searchFolded
  }

  /// The national identifier.
  public var documentId: DocumentId { document.documentId }
  /// The date of issue.
  public var issuedDate: CivilDate { document.metadata.issuedDate }
  /// The date a reply or the processing is due, if the document sets one.
  public var dueDate: CivilDate? { document.metadata.dueDate }
  /// Độ khẩn.
  public var urgency: Urgency { document.metadata.urgency }
}
