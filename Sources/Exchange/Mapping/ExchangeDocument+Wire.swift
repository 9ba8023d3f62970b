import ExchangeDomain
import GRPCCore
import ReformWire

extension WireDocument {
  /// The document as both sender and receivers see it.
  init(_ stored: StoredDocument) throws(RPCError) {
    let record = stored.record
    let metadata: ExchangeDocumentMetadata
    do {
      metadata = try ExchangeDocumentMetadata(wireBytes: [UInt8](record.metadata))
    } catch {
      throw RPCError.internalFailure("reading the stored metadata of \(record.documentId)", error)
    }
    var confirmation: ExchangeDuplicateConfirmation?
    if let reason = record.duplicateReason {
      confirmation = ExchangeDuplicateConfirmation(
        reason: reason,
        duplicateOf: (record.duplicateOf ?? "").split(separator: "\n").map(String.init),
        confirmed: ExchangeStamp(record.sent))
    }
    self.init(
      documentId: record.documentId, metadata: metadata, sender: ExchangeOrgan(record.sender),
      attachments: stored.attachments.map(ExchangeAttachment.init), sent: ExchangeStamp(record.sent),
      frozen: record.frozen.map(ExchangeStamp.init), duplicateConfirmation: confirmation)
  }
}
