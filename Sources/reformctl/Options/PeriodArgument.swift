import ArgumentParser
import ReformWire

/// A reporting period on the command line: `2024` (a year), `2024-H1`, `2024-Q3`, `2024-M07`,
/// or `2020-2025` (a term).
struct PeriodArgument: ExpressibleByArgument, Sendable {
  let period: Period

  init?(argument: String) {
    guard let parsed = Self.parse(argument) else { return nil }
    period = parsed
  }

  static func parse(_ text: String) -> Period? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let year = Int32(parts[0]), (1900...9999).contains(year) else { return nil }
    if parts.count == 1 { return Period(type: .year, year: year) }
    guard parts.count == 2, let tag = parts[1].first else { return nil }
    if let end = Int32(parts[1]), end >= year, end <= 9999 { return Period(type: .term, year: year, endYear: end) }
    guard let index = Int32(parts[1].dropFirst()) else { return nil }
    switch tag {
    case "H" where (1...2).contains(index): return Period(type: .halfYear, year: year, index: index)
    case "Q" where (1...4).contains(index): return Period(type: .quarter, year: year, index: index)
    case "M" where (1...12).contains(index): return Period(type: .month, year: year, index: index)
    default: return nil
    }
  }

  static var defaultValueDescription: String { "2024, 2024-H1, 2024-Q3, 2024-M07 or 2020-2025" }
}
