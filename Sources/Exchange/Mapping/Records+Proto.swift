import ExchangeDomain
import GRPCCore
import ReformWire

extension ExchangeStamp {
  init(_ stamp: StoredStamp) {
    self.init(
      principalId: stamp.principalId, displayName: stamp.displayName, unitCode: stamp.unitCode,
      time: Timestamp(microseconds: stamp.microseconds))
  }
}

extension ExchangeAttachment {
  init(_ record: AttachmentRecord) {
    self.init(
      attachmentId: record.attachmentId, name: record.name, mediaType: record.mediaType, sizeBytes: record.sizeBytes,
      sha256: record.sha256, note: record.note)
  }
}

extension WireDocument {
  /// The document as both sender and receivers see it.
  init(_ stored: StoredDocument) throws(RPCError) {
    let record = stored.record
    let metadata: ExchangeDocumentMetadata
    do {
      metadata = try ExchangeDocumentMetadata(wireBytes: [UInt8](record.metadata))
    } catch {
      throw ExchangeFault.internalFailure("reading the stored metadata of \(record.documentId)", error)
    }
    var confirmation: ExchangeDuplicateConfirmation?
    if let reason = record.duplicateReason {
      confirmation = ExchangeDuplicateConfirmation(
        reason: reason,
        duplicateOf: (record.duplicateOf ?? "").split(separator: "\n").map(String.init),
        confirmed: ExchangeStamp(record.sent))
    }
    self.init(
      documentId: record.documentId, metadata: metadata, sender: record.senderOrgan,
      attachments: stored.attachments.map(ExchangeAttachment.init), sent: ExchangeStamp(record.sent),
      frozen: record.frozen.map(ExchangeStamp.init), duplicateConfirmation: confirmation)
  }
}

extension DocumentRecord {
  /// The sending organ.
  var senderOrgan: ExchangeOrgan {
    ExchangeOrgan(organId: senderOrganId, name: senderName, unitCode: senderUnit)
  }
}

extension DeliveryRecord {
  /// The receiving organ.
  var receiverOrgan: ExchangeOrgan {
    ExchangeOrgan(organId: receiverOrganId, name: receiverName, unitCode: receiverUnit)
  }
}

extension ExchangeDelivery {
  /// The copy's state, judged overdue on `today` against the document's `dueDate`.
  init(_ record: DeliveryRecord, dueDate: String?, today: CivilDate) {
    self.init(
      receiver: record.receiverOrgan, arrivalYear: Int32(clamping: record.arrivalYear),
      arrivalNumber: record.arrivalNumber, arrivalTime: Timestamp(microseconds: record.arrivalUs),
      status: ExchangeNoticeCode(rawValue: Int32(clamping: record.status)),
      recallStatus: ExchangeNoticeCode(rawValue: Int32(clamping: record.recallStatus)),
      voided: record.voided.map(ExchangeStamp.init),
      overdue: OverdueRule.daysOverdue(record, dueDate: dueDate, asOf: today) > 0,
      lastNoticeTime: Timestamp(microseconds: record.lastNoticeUs))
  }
}

extension ExchangeNotice {
  /// A notice about `delivery`, a copy of `document`: from the receiver to the sender, or the
  /// other way for a recall request (13).
  init(_ notice: NoticeRecord, delivery: DeliveryRecord, document: DocumentRecord) {
    let (from, to) =
      notice.bySender ? (document.senderOrgan, delivery.receiverOrgan) : (delivery.receiverOrgan, document.senderOrgan)
    var staff: ExchangeStaff?
    if let fullName = notice.staffFullName {
      staff = ExchangeStaff(
        fullName: fullName, department: notice.staffDepartment ?? "", email: notice.staffEmail ?? "",
        phone: notice.staffPhone ?? "")
    }
    self.init(
      noticeId: notice.noticeId, documentId: document.documentId, fromOrgan: from, toOrgan: to,
      code: ExchangeNoticeCode(rawValue: Int32(clamping: notice.code)), detail: notice.detail,
      time: Timestamp(microseconds: notice.timeUs), staff: staff, recorded: ExchangeStamp(notice.recorded))
  }
}
