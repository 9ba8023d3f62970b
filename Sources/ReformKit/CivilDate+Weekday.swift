extension CivilDate {
  /// The day of the week.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday, three days after a Monday.
    let fromMonday = (dayNumber + 3) % 7
    return Weekday(rawValue: (fromMonday < 0 ? fromMonday + 7 : fromMonday) + 1)!
  }

  /// Whether the day is a Saturday or a Sunday (ngày nghỉ hằng tuần).
  public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }
}
