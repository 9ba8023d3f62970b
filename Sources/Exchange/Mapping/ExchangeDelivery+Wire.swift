import ExchangeDomain
import GRPCCore
import ReformKit
import ReformWire

extension ExchangeDelivery {
  /// The copy's state, judged overdue on `today` against the document's `dueDate`.
  init(_ record: DeliveryRecord, dueDate: String?, today: CivilDate) {
    self.init(
      receiver: ExchangeOrgan(record.receiver), arrivalYear: Int32(clamping: record.arrivalYear),
      arrivalNumber: record.arrivalNumber, arrivalTime: Timestamp(microseconds: record.arrivalUs),
      status: ExchangeNoticeCode(rawValue: Int32(clamping: record.status)),
      recallStatus: ExchangeNoticeCode(rawValue: Int32(clamping: record.recallStatus)),
      voided: record.voided.map(ExchangeStamp.init),
      overdue: OverdueRule.daysOverdue(record, dueDate: dueDate, asOf: today) > 0,
      lastNoticeTime: Timestamp(microseconds: record.lastNoticeUs))
  }
}
