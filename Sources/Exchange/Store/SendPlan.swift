import ExchangeDomain
import Foundation
import ReformStore

/// Everything a send writes, decided and validated before the write transaction begins: the
/// document as the domain records it (``ExchangeDomain/OutgoingDocument``) with its metadata as
/// answered, the attachments, the receivers, and how to answer.
struct SendPlan: Sendable {
  /// The document as sent; the sent time and a duplicate's confirmation are the store's, in the
  /// transaction.
  var outgoing: OutgoingDocument
  /// Its whole metadata as the wire bytes of `ExchangeDocumentMetadata` (normalized, DocumentId
  /// and each addressee's unit filled).
  var metadata: Data
  /// Committed attachments, in the document's order.
  var attachmentIds: [String]
  /// Attachments to store with the document (an imported envelope's, already on disk).
  var newAttachments: [AttachmentRecord]
  /// The receiving units, in order.
  var receivers: [UnitOrgan]
  /// The sender's reason for sending a duplicate; empty when none was given.
  var confirmDuplicateReason: String
  /// The idempotency key's claim, when the request had a key.
  var claim: IdempotencyClaim?
  /// Who sends: the principal recorded as sender and with the automatic 01 notices.
  var principalId: String
  var displayName: String
}
