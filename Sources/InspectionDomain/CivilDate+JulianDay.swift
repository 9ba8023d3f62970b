import ReformKit

extension CivilDate {
  /// The Julian Day Number of 1970-01-01, where ``CivilDate/dayNumber`` counts from.
  static let julianDayOf1970 = 2_440_588

  /// The date of a Julian Day Number (the day that begins at noon UTC of that number): the
  /// count the lunar calendar's astronomy uses.
  init(julianDay: Int) {
    self.init(dayNumber: julianDay - CivilDate.julianDayOf1970)
  }

  /// The Julian Day Number of the date.
  var julianDay: Int { dayNumber + CivilDate.julianDayOf1970 }
}
