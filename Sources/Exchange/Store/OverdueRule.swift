import ExchangeDomain
import GRDB
import ReformKit
import ReformStore

/// Quá hạn, as of a day: the due date has passed and, on that day, the copy had arrived and was
/// neither completed (06), refused (02) nor voided (15) — the domain's
/// `InboxEntry.daysOverdue(asOf:)`, answered from the stored days so that it holds for past
/// days too and can filter in SQL.
///
/// ``condition`` is the rule in SQL, written once for both engines (``sql(asOf:)``,
/// ``postgres(asOf:)``); ``daysOverdue(_:dueDate:asOf:)`` is the same rule in Swift, kept beside it.
enum OverdueRule {
  /// The rule as an SQL condition over `d` (exchange_deliveries) joined with `doc`
  /// (exchange_documents); each `?` stands for the day, in ISO 8601, as a bound value.
  private static let condition = """
    (doc.due_date IS NOT NULL AND doc.due_date < ? AND d.arrival_date <= ?
     AND (d.done_date IS NULL OR d.done_date > ?)
     AND (d.refused_date IS NULL OR d.refused_date > ?)
     AND (d.voided_date IS NULL OR d.voided_date > ?))
    """

  /// ``condition`` for SQLite.
  static func sql(asOf day: CivilDate) -> SQL {
    let count = condition.filter { $0 == "?" }.count
    return SQL(sql: condition, arguments: StatementArguments(Array(repeating: day.iso, count: count)))
  }

  /// ``condition`` for PostgreSQL.
  static func postgres(asOf day: CivilDate) -> PostgresStatement {
    var statement: PostgresStatement = ""
    for (index, piece) in condition.split(separator: "?", omittingEmptySubsequences: false).enumerated() {
      if index > 0 { statement.append("\(day.iso)") }
      statement.append("\(sql: String(piece))")
    }
    return statement
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
