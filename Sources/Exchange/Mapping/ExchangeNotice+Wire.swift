import ExchangeDomain
import GRPCCore
import ReformWire

extension ExchangeNotice {
  /// A notice about `delivery`, a copy of `document`: from the receiver to the sender, or the
  /// other way for a recall request (13).
  init(_ notice: NoticeRecord, delivery: DeliveryRecord, document: DocumentRecord) {
    let (sender, receiver) = (ExchangeOrgan(document.sender), ExchangeOrgan(delivery.receiver))
    let (from, to) = notice.bySender ? (sender, receiver) : (receiver, sender)
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
