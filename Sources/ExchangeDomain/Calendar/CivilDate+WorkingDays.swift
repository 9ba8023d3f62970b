import ReformKit

extension CivilDate {
  /// Monday to Friday. The exchange's deadlines use this weekend-only rule; public holidays and
  /// swapped working Saturdays are not known here, so a deadline falling on one is not moved.
  public var isWorkingDay: Bool { !isWeekend }

  /// The first working day after this date.
  public func nextWorkingDay() -> CivilDate {
    var next = adding(days: 1)
    while !next.isWorkingDay { next = next.adding(days: 1) }
    return next
  }
}
