import ExchangeDomain
import GRPCCore
import ReformWire

extension ExchangeAttachment {
  init(_ record: AttachmentRecord) {
    self.init(
      attachmentId: record.attachmentId, name: record.name, mediaType: record.mediaType, sizeBytes: record.sizeBytes,
      sha256: record.sha256, note: record.note)
  }
}
