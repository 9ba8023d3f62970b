/// A reporting period: a year, a half, a quarter, a month, or a resolution's whole term, as the
/// protocol's `Period`.
public struct ReportingPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The kind of period. Raw values are the protocol's `PeriodType`.
  public enum Kind: Int, Sendable, Hashable, CaseIterable {
    /// A calendar year.
    case year = 1
    /// Half of a year (1–2).
    case halfYear = 2
    /// A quarter (1–4).
    case quarter = 3
    /// A month (1–12).
    case month = 4
    /// A resolution's whole term, e.g. 2020–2025.
    case term = 5
  }

  /// The kind.
  public let kind: Kind
  /// The year; for a term, its first year.
  public let year: Int
  /// 1-based within the year (half 1–2, quarter 1–4, month 1–12); 0 for a year or a term.
  public let index: Int
  /// The last year of a term; equal to ``year`` otherwise.
  public let endYear: Int

  private init(kind: Kind, year: Int, index: Int, endYear: Int) {
    self.kind = kind
    self.year = year
    self.index = index
    self.endYear = endYear
  }

  /// The calendar year `year`.
  public static func year(_ year: Int) -> ReportingPeriod {
    ReportingPeriod(kind: .year, year: year, index: 0, endYear: year)
  }

  /// Half `half` (1–2) of `year`; nil for another half.
  public static func halfYear(_ year: Int, _ half: Int) -> ReportingPeriod? {
    (1...2).contains(half) ? ReportingPeriod(kind: .halfYear, year: year, index: half, endYear: year) : nil
  }

  /// Quarter `quarter` (1–4) of `year`; nil for another quarter.
  public static func quarter(_ year: Int, _ quarter: Int) -> ReportingPeriod? {
    (1...4).contains(quarter) ? ReportingPeriod(kind: .quarter, year: year, index: quarter, endYear: year) : nil
  }

  /// Month `month` (1–12) of `year`; nil for another month.
  public static func month(_ year: Int, _ month: Int) -> ReportingPeriod? {
    (1...12).contains(month) ? ReportingPeriod(kind: .month, year: year, index: month, endYear: year) : nil
  }

  /// The term from `first` to `last`; nil when `last` is before `first`.
  public static func term(_ first: Int, _ last: Int) -> ReportingPeriod? {
    last >= first ? ReportingPeriod(kind: .term, year: first, index: 0, endYear: last) : nil
  }

  /// By year, then kind (year before its halves, quarters, months; terms last), then index.
  public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
    (lhs.year, lhs.kind.rawValue, lhs.index, lhs.endYear) < (rhs.year, rhs.kind.rawValue, rhs.index, rhs.endYear)
  }

  /// E.g. `2025`, `2025-H1`, `2025-Q3`, `2025-07`, `2020–2025`.
  public var description: String {
    switch kind {
    case .year: "\(year)"
    case .halfYear: "\(year)-H\(index)"
    case .quarter: "\(year)-Q\(index)"
    case .month: index < 10 ? "\(year)-0\(index)" : "\(year)-\(index)"
    case .term: "\(year)–\(endYear)"
    }
  }
}
