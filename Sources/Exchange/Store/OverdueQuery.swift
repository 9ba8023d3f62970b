import ExchangeDomain
import ReformKit

/// What a ListOverdue call asks of the store, already validated.
struct OverdueQuery: Sendable {
  /// Receiving units; empty for every unit.
  var unitCodes: [String]
  var asOf: CivilDate
  var pageSize: Int
  /// The sort key of the last item of the previous page: unit, due date, copy.
  var after: (unitCode: String, dueDate: String, deliverySeq: Int64)?
}
