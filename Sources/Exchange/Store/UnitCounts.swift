/// One unit's counts over a span of days, for indicator 3a.
struct UnitCounts: Sendable, Hashable {
  var sent = 0
  var received = 0
  var completed = 0
  var refused = 0
  var recalled = 0
  var overdue = 0
}
