import ExchangeDomain
import GRDB
import ReformKit
import ReformStore

/// Quá hạn, as of a day: the due date has passed and, on that day, the copy had arrived and was
/// neither completed (06), refused (02) nor voided (15) — the domain's
/// `InboxEntry.daysOverdue(asOf:)`, answered from the stored days so that it holds for past
/// days too and can filter in SQL.
///
/// ``sql(asOf:)``, ``postgres(asOf:)`` and ``daysOverdue(_:dueDate:asOf:)`` are the same rule, kept side by side.
enum OverdueRule {
  /// The rule as an SQL condition over `d` (exchange_deliveries) joined with `doc`
  /// (exchange_documents).
  static func sql(asOf day: CivilDate) -> SQL {
    let text = day.iso
    return """
      (doc.due_date IS NOT NULL AND doc.due_date < \(text) AND d.arrival_date <= \(text)
       AND (d.done_date IS NULL OR d.done_date > \(text))
       AND (d.refused_date IS NULL OR d.refused_date > \(text))
       AND (d.voided_date IS NULL OR d.voided_date > \(text)))
      """
  }

  /// The same condition for PostgreSQL, with its day as a bound value.
  static func postgres(asOf day: CivilDate) -> PostgresStatement {
    let text = day.iso
    return """
      (doc.due_date IS NOT NULL AND doc.due_date < \(text) AND d.arrival_date <= \(text)
       AND (d.done_date IS NULL OR d.done_date > \(text))
       AND (d.refused_date IS NULL OR d.refused_date > \(text))
       AND (d.voided_date IS NULL OR d.voided_date > \(text)))
      """
  }

  /// Calendar days past the due date on `day`; 0 when the copy is not overdue then.
  static func daysOverdue(_ delivery: DeliveryRecord, dueDate: String?, asOf day: CivilDate) -> Int {
    let text = day.iso
    guard let dueDate, dueDate < text, delivery.arrivalDate <= text,
      delivery.doneDate.map({ $0 > text }) ?? true,
      delivery.refusedDate.map({ $0 > text }) ?? true,
      delivery.voidedDate.map({ $0 > text }) ?? true,
      let due = CivilDate(iso: dueDate)
    else { return 0 }
    return max(0, due.days(to: day))
  }
}
