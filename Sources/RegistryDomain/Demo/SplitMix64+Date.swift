import ReformKit

extension SplitMix64 {
  /// A date in a year, any day of the months in `months`: the demo bloc's way of drawing days.
  mutating func date(in year: Int, months: ClosedRange<Int> = 1...12) -> CivilDate {
    let month = int(in: months)
    return CivilDate(year, month, int(in: 1...CivilDate.daysIn(month: month, year: year)))
  }
}
