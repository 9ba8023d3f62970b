import ArgumentParser
import Foundation
import ReformWire

/// A calendar day on the command line: `2025-03-01`, or `01/03/2025` as Vietnamese documents
/// write it (day first).
struct DayArgument: ExpressibleByArgument, Sendable {
  let date: CalendarDate

  init?(argument: String) {
    guard let date = Self.parse(argument) else { return nil }
    self.date = date
  }

  static func parse(_ text: String) -> CalendarDate? {
    let iso = text.split(separator: "-", omittingEmptySubsequences: false)
    let vietnamese = text.split(separator: "/", omittingEmptySubsequences: false)
    let parts: (year: Substring, month: Substring, day: Substring)
    if iso.count == 3 {
      parts = (iso[0], iso[1], iso[2])
    } else if vietnamese.count == 3 {
      parts = (vietnamese[2], vietnamese[1], vietnamese[0])
    } else {
      return nil
    }
    guard parts.year.count == 4, let year = Int32(parts.year), let month = Int32(parts.month), let day = Int32(parts.day),
      (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    // Reject 31/02 and the like: the day must survive a round trip through the calendar.
    var components = DateComponents(year: Int(year), month: Int(month), day: Int(day))
    components.timeZone = Format.zone
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Format.zone
    guard let instant = calendar.date(from: components),
      calendar.component(.day, from: instant) == Int(day), calendar.component(.month, from: instant) == Int(month)
    else { return nil }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// Today in Asia/Ho_Chi_Minh, as the exchange judges dates.
  static var today: CalendarDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Format.zone
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: Int32(parts.year ?? 1970), month: Int32(parts.month ?? 1), day: Int32(parts.day ?? 1))
  }

  static var defaultValueDescription: String { "2025-03-01 or 01/03/2025" }
}

/// An urgency (độ khẩn) on the command line, in English or Vietnamese, with or without
/// diacritics: `normal`/`thường`, `urgent`/`khẩn`, `very-urgent`/`thượng-khẩn`,
/// `flash`/`hỏa-tốc`.
struct UrgencyArgument: ExpressibleByArgument, Sendable {
  let urgency: ExchangeUrgency

  private static let names: [String: ExchangeUrgency] = [
    "normal": .normal, "thuong": .normal, "urgent": .urgent, "khan": .urgent, "very-urgent": .veryUrgent,
    "thuong-khan": .veryUrgent, "flash": .flash, "hoa-toc": .flash,
  ]

  init?(argument: String) {
    guard let urgency = Self.names[DocsText.plainKey(argument)] else { return nil }
    self.urgency = urgency
  }

  static var defaultValueDescription: String { "normal, urgent (khẩn), very-urgent (thượng khẩn) or flash (hỏa tốc)" }
}

/// A processing state (01–06) on the command line: its two digits (`03`), its number (`3`), or
/// its English name (`registered`).
struct ProcessingStateArgument: ExpressibleByArgument, Sendable {
  let code: ExchangeNoticeCode

  private static let names: [String: ExchangeNoticeCode] = [
    "arrived": .arrived, "refused": .refused, "registered": .registered, "assigned": .assigned,
    "in-progress": .inProgress, "done": .done,
  ]

  init?(argument: String) {
    if let number = Int32(argument), (1...6).contains(number) {
      code = ExchangeNoticeCode(rawValue: number)
    } else if let named = Self.names[DocsText.plainKey(argument)] {
      code = named
    } else {
      return nil
    }
  }

  static var defaultValueDescription: String { "01 to 06, or arrived, refused, registered, assigned, in-progress, done" }
}

/// How a list is printed: an aligned table for a person, or CSV to paste into a spreadsheet.
enum ListFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case table, csv
}

/// An organ named on the command line: its OrganId, optionally with its name after `=`, e.g.
/// `000.00.31.H41` or `000.00.31.H41=Sở Nội vụ tỉnh Lai Châu`.
struct OrganArgument: ExpressibleByArgument, Sendable {
  let organId: String
  let name: String

  init?(argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let organId = parts[0].trimmingCharacters(in: .whitespaces)
    guard !organId.isEmpty, !organId.contains(where: \.isWhitespace) else { return nil }
    self.organId = organId
    name = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
  }

  static var defaultValueDescription: String { "000.00.31.H41 or '000.00.31.H41=Sở Nội vụ tỉnh Lai Châu'" }
}
