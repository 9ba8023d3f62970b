/// One unit's counts over a span of days, for indicator 3a.
struct UnitCounts: Sendable, Hashable {
  var sent = 0
  var received = 0
  var completed = 0
  var refused = 0
  var recalled = 0
  var overdue = 0
}

extension UnitCounts {
  /// Every one of `unitCodes` at zero: the counts' starting point, so that a unit with nothing
  /// in the span is still answered.
  static func zero(for unitCodes: [String]) -> [String: UnitCounts] {
    var counts: [String: UnitCounts] = [:]
    for unit in unitCodes { counts[unit] = UnitCounts() }
    return counts
  }
}
