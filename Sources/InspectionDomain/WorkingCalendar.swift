import ReformKit

/// Why a ``WorkingCalendar`` could not be built: an unsupported year, or a ``CalendarNotice``
/// that does not fit the year it is applied to (e.g. `notice.days[3].date`).
public typealias CalendarError = RuleError<WorkingCalendar>

/// The working-day calendar of one year (lịch ngày làm việc): which days visits may take place
/// on, computed from ``HolidayRules`` and then overridden by the year's ``CalendarNotice``.
///
/// A working day is Monday to Friday less holidays, compensating days off and swapped days
/// off, plus any swapped working Saturday. Working days are numbered from 0 in date order
/// (``workingDayIndex(of:)``), which is how the planner counts visit lengths, gaps and
/// earliness.
///
/// The calendar covers one year: days outside it are not working days of this calendar, and
/// counts stop at the year's ends.
///
/// ## Topics
/// - ``init(year:rules:notice:)``
/// - ``isWorkingDay(_:)``
/// - ``workingDays``
/// - ``workingDay(_:after:)``
/// - ``workingDayCount(from:through:)``
/// - ``holidays``
public struct WorkingCalendar: Sendable {
  /// The years the lunar calendar's astronomy is trusted for.
  public static let supportedYears = 1900...2199

  /// The year.
  public let year: Int
  /// The rules the computed days follow.
  public let rules: HolidayRules
  /// The notice applied, if any.
  public let notice: CalendarNotice?
  /// Every day of the year, in order.
  public let days: [CalendarDay]
  /// The working days of the year, in order.
  public let workingDays: [CivilDate]
  /// For each day of the year, the index of the first working day on or after it
  /// (``workingDays``'s count when none is left).
  private let nextWorkingIndex: [Int]

  /// The calendar of `year` under `rules`, with `notice` applied when given.
  ///
  /// - Throws: ``CalendarError`` when the year is outside ``supportedYears``, or when the
  ///   notice is for another year, lists a day twice, lists a day outside its year, or gives a
  ///   day a kind it cannot have (a weekday worked as a Saturday, a weekend day as working).
  public init(year: Int, rules: HolidayRules = .laborCode2019, notice: CalendarNotice? = nil) throws(CalendarError) {
    guard Self.supportedYears.contains(year) else {
      throw CalendarError(
        .invalidArgument, field: "year",
        "\(year) is outside the years the lunar calendar is computed for (\(Self.supportedYears.lowerBound)–\(Self.supportedYears.upperBound))"
      )
    }
    let overrides =
      try notice.map { notice throws(CalendarError) in try Self.validatedOverrides(notice, year: year) } ?? [:]
    self.year = year
    self.rules = rules
    self.notice = notice

    let first = CivilDate.firstDay(of: year)
    let count = first.days(to: CivilDate.lastDay(of: year)) + 1
    var kinds: [DayKind] = (0..<count).map { first.adding(days: $0).isWeekend ? .weekend : .working }
    var names = [String](repeating: "", count: count)
    for holiday in rules.holidays(in: year) {
      let offset = first.days(to: holiday.date)
      kinds[offset] = .holiday
      names[offset] = holiday.name
    }
    // Each holiday on a weekend gives the next day that is still a working weekday, in order,
    // so two weekend holidays give two different days.
    for offset in 0..<count where kinds[offset] == .holiday && first.adding(days: offset).isWeekend {
      if let free = (offset + 1..<count).first(where: { kinds[$0] == .working }) {
        kinds[free] = .compensatingDayOff
        names[free] = "Nghỉ bù \(names[offset])"
      }
    }
    var days: [CalendarDay] = []
    days.reserveCapacity(count)
    for offset in 0..<count {
      let date = first.adding(days: offset)
      let lunar = rules.lunarCalendar.lunarDate(of: date)
      if let override = overrides[date] {
        let name = override.name.isEmpty ? names[offset] : override.name
        days.append(CalendarDay(date: date, kind: override.kind, name: name, lunar: lunar, source: .notice))
      } else {
        days.append(CalendarDay(date: date, kind: kinds[offset], name: names[offset], lunar: lunar, source: .computed))
      }
    }
    self.days = days
    workingDays = days.filter(\.isWorking).map(\.date)
    var next = [Int](repeating: 0, count: count + 1)
    next[count] = workingDays.count
    for offset in stride(from: count - 1, through: 0, by: -1) {
      next[offset] = days[offset].isWorking ? next[offset + 1] - 1 : next[offset + 1]
    }
    nextWorkingIndex = next
  }

  /// The day `date`, or `nil` outside the year.
  public func day(_ date: CivilDate) -> CalendarDay? {
    offset(of: date).map { days[$0] }
  }

  /// Whether visits may take place on `date`; `false` outside the year.
  public func isWorkingDay(_ date: CivilDate) -> Bool {
    day(date)?.isWorking ?? false
  }

  /// The number of working days in the year.
  public var workingDayCount: Int { workingDays.count }

  /// The position of `date` among the year's working days, from 0; `nil` when it is not a
  /// working day.
  public func workingDayIndex(of date: CivilDate) -> Int? {
    guard let offset = offset(of: date), days[offset].isWorking else { return nil }
    return nextWorkingIndex[offset]
  }

  /// The `n`-th working day after `date` (`date` itself never counts), or `nil` when the year
  /// ends first or `n` is less than 1.
  public func workingDay(_ n: Int, after date: CivilDate) -> CivilDate? {
    guard n >= 1 else { return nil }
    let index = firstWorkingIndex(onOrAfter: date.adding(days: 1)) + n - 1
    return workingDays.indices.contains(index) ? workingDays[index] : nil
  }

  /// The number of working days from `first` through `last`, both included; 0 when `last`
  /// comes before `first`. Only days of the year count.
  public func workingDayCount(from first: CivilDate, through last: CivilDate) -> Int {
    max(0, firstWorkingIndex(onOrAfter: last.adding(days: 1)) - firstWorkingIndex(onOrAfter: first))
  }

  /// The days off that are not plain weekends, in date order, with their Vietnamese names:
  /// holidays (also those on a weekend), compensating days off and swapped days off.
  public var holidays: [CalendarDay] {
    days.filter { [.holiday, .compensatingDayOff, .swappedDayOff].contains($0.kind) }
  }

  /// The index of the first working day on or after `date`: 0 before the year,
  /// ``workingDayCount`` when none is left.
  func firstWorkingIndex(onOrAfter date: CivilDate) -> Int {
    if date.year < year { return 0 }
    guard let offset = offset(of: date) else { return workingDays.count }
    return nextWorkingIndex[offset]
  }

  /// The index of the last working day on or before `date`: -1 when there is none.
  func lastWorkingIndex(onOrBefore date: CivilDate) -> Int {
    firstWorkingIndex(onOrAfter: date.adding(days: 1)) - 1
  }

  /// The day of the year of `date`, from 0, or `nil` outside the year.
  private func offset(of date: CivilDate) -> Int? {
    guard date.year == year else { return nil }
    return CivilDate.firstDay(of: year).days(to: date)
  }

  /// The notice's days by date, after checking they fit `year`.
  private static func validatedOverrides(_ notice: CalendarNotice, year: Int) throws(CalendarError) -> [CivilDate:
    DayOverride]
  {
    guard notice.year == year else {
      throw CalendarError(.invalidArgument, field: "notice.year", "the notice is for \(notice.year), not \(year)")
    }
    var overrides: [CivilDate: DayOverride] = [:]
    for (index, override) in notice.days.enumerated() {
      let field = "notice.days[\(index)]"
      guard override.date.year == year else {
        throw CalendarError(.invalidArgument, field: "\(field).date", "\(override.date) is not in \(year)")
      }
      guard overrides[override.date] == nil else {
        throw CalendarError(
          .invalidArgument, field: "\(field).date", "\(override.date) is listed twice; keep one line per day")
      }
      switch override.kind {
      case .weekend:
        throw CalendarError(
          .invalidArgument, field: "\(field).kind", "a notice sets days off or days worked; a weekend needs no line")
      case .swappedWorkingSaturday where !override.date.isWeekend:
        throw CalendarError(
          .invalidArgument, field: "\(field).kind",
          "\(override.date) is a \(override.date.weekday), not a weekend day to work")
      case .working where override.date.isWeekend:
        throw CalendarError(
          .invalidArgument, field: "\(field).kind",
          "\(override.date) is a weekend day: use swappedWorkingSaturday to work it")
      default:
        break
      }
      overrides[override.date] = override
    }
    return overrides
  }
}
