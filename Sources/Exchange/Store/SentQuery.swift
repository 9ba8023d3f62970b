import ExchangeDomain
import ReformKit

/// What a ListSent call asks of the store, already validated.
struct SentQuery: Sendable {
  var unitCode: String
  var issuedDates: ClosedRange<CivilDate>?
  var subjectPattern: String?
  var overdueOnly: Bool
  var today: CivilDate
  var pageSize: Int
  /// The last document of the previous page.
  var afterDocSeq: Int64?
}
