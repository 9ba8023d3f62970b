extension CivilDate {
  /// The ISO weekday: 1 Monday … 7 Sunday.
  public var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let fromMonday = (dayNumber + 3) % 7
    return (fromMonday < 0 ? fromMonday + 7 : fromMonday) + 1
  }

  /// Monday to Friday. The exchange's deadlines use this weekend-only rule; public holidays and
  /// swapped working Saturdays are not known here, so a deadline falling on one is not moved.
  public var isWorkingDay: Bool { weekday <= 5 }

  /// The first working day after this date.
  public func nextWorkingDay() -> CivilDate {
    var next = adding(days: 1)
    while !next.isWorkingDay { next = next.adding(days: 1) }
    return next
  }
}
