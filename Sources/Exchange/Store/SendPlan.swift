import ExchangeDomain
import Foundation
import ReformStore

/// Everything a send writes, decided and validated before the write transaction begins: the
/// admitted document, its row (sent time still to fill), the attachments, the receivers, and
/// how to answer.
struct SendPlan: Sendable {
  /// The admitted document.
  var document: StorableDocument
  /// Its row, complete but for the sent time and duplicate confirmation, filled in the
  /// transaction.
  var record: DocumentRecord
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
  /// Who sends: the principal recorded with the automatic 01 notices.
  var principalId: String
  var displayName: String
}
