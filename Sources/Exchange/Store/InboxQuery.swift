import ExchangeDomain
import ReformKit

/// What a ListInbox call asks of the store, already validated.
struct InboxQuery: Sendable {
  var unitCode: String
  /// Processing states 1–6; empty for all.
  var statuses: [Int]
  /// Urgencies 1–4; empty for all.
  var urgencies: [Int]
  var arrivalDates: ClosedRange<CivilDate>?
  var overdueOnly: Bool
  var includeVoided: Bool
  /// A `LIKE` pattern over the folded subject; nil for none.
  var subjectPattern: String?
  var newestFirst: Bool
  var today: CivilDate
  var pageSize: Int
  /// The sort key of the last item of the previous page: urgency, year, number, copy.
  var after: (urgency: Int64, year: Int64, number: Int64, deliverySeq: Int64)?
}
