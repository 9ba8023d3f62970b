import ReformKit

/// A reporting period: a year, a half, a quarter, a month, or a whole term, as `Period` in
/// `common.proto`.
///
/// Written as text the same way everywhere (CSV, JSON, reports): `2024`, `2024-H1`,
/// `2024-Q3`, `2024-M07`, or `2020-2025` for a term. See ``init(parsing:)``.
public struct Period: Sendable, Hashable, Comparable {
  /// The kind of period.
  public var type: PeriodType
  /// The year, or a term's first year.
  public var year: Int
  /// 1-based within the year (half 1–2, quarter 1–4, month 1–12); 0 for a year or a term.
  public var index: Int
  /// A term's last year; equal to ``year`` otherwise.
  public var endYear: Int

  /// A calendar year.
  public static func year(_ year: Int) -> Period { Period(type: .year, year: year, index: 0, endYear: year) }
  /// Half `index` (1 or 2) of a year.
  public static func half(_ index: Int, of year: Int) -> Period {
    Period(type: .halfYear, year: year, index: index, endYear: year)
  }
  /// Quarter `index` (1–4) of a year.
  public static func quarter(_ index: Int, of year: Int) -> Period {
    Period(type: .quarter, year: year, index: index, endYear: year)
  }
  /// Month `index` (1–12) of a year.
  public static func month(_ index: Int, of year: Int) -> Period {
    Period(type: .month, year: year, index: index, endYear: year)
  }
  /// A term from `first` to `last`, both years included.
  public static func term(_ first: Int, _ last: Int) -> Period {
    Period(type: .term, year: first, index: 0, endYear: last)
  }

  /// Whether the index fits the type, a term runs forwards, and its years lie within
  /// ``CivilDate/supportedYears``.
  public var isValid: Bool {
    guard CivilDate.supportedYears.contains(year) else { return false }
    switch type {
    case .year: return index == 0 && endYear == year
    case .halfYear: return (1...2).contains(index) && endYear == year
    case .quarter: return (1...4).contains(index) && endYear == year
    case .month: return (1...12).contains(index) && endYear == year
    case .term: return index == 0 && endYear > year && endYear <= CivilDate.supportedYears.upperBound
    }
  }

  /// The first day of the period.
  public var firstDay: CivilDate {
    switch type {
    case .year, .term: return CivilDate(year, 1, 1)
    case .halfYear: return CivilDate(year, index == 1 ? 1 : 7, 1)
    case .quarter: return CivilDate(year, (index - 1) * 3 + 1, 1)
    case .month: return CivilDate(year, index, 1)
    }
  }

  /// The last day of the period: people and units are counted as they stand on this day.
  public var lastDay: CivilDate {
    switch type {
    case .year: return CivilDate(year, 12, 31)
    case .term: return CivilDate(endYear, 12, 31)
    case .halfYear: return index == 1 ? CivilDate(year, 6, 30) : CivilDate(year, 12, 31)
    case .quarter: return CivilDate.endOf(month: index * 3, year: year)
    case .month: return CivilDate.endOf(month: index, year: year)
    }
  }

  /// Whether the period lies wholly inside another (e.g. 2024 inside the term 2020–2025).
  public func lies(within other: Period) -> Bool {
    other.firstDay <= firstDay && lastDay <= other.lastDay
  }

  /// Periods order by their last day, then by their first (a year after its last quarter).
  public static func < (lhs: Period, rhs: Period) -> Bool {
    (lhs.lastDay, lhs.firstDay.year, lhs.firstDay.month) < (rhs.lastDay, rhs.firstDay.year, rhs.firstDay.month)
  }
}
