import Foundation
import ReformKit
import ReformWire

/// How the `inspection` and `calendar` commands read and write dates, date ranges and the
/// schema's enums, in one place so that the plan input file, the options and the tables
/// agree: dates are ISO 8601 (`2026-03-02`), ranges `FIRST..LAST`, enums their short
/// lower-case names (`programmed`, `compensating_day_off`).
enum InspectionText {
  /// `2026-03-02`; `-` when unset.
  static func date(_ date: CalendarDate?) -> String {
    guard let date else { return "-" }
    return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
  }

  /// A date written `2026-03-02` (or `02/03/2026`, as Vietnamese forms write it), which must
  /// exist on the calendar; `nil` otherwise.
  static func parseDate(_ text: String) -> CalendarDate? {
    let text = text.trimmingCharacters(in: .whitespaces)
    let parts: [Substring]
    let year: Int32?
    let month: Int32?
    let day: Int32?
    if text.contains("/") {
      parts = text.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[2].count == 4 else { return nil }
      (day, month, year) = (Int32(parts[0]), Int32(parts[1]), Int32(parts[2]))
    } else {
      parts = text.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[0].count == 4 else { return nil }
      (year, month, day) = (Int32(parts[0]), Int32(parts[1]), Int32(parts[2]))
    }
    guard let year, let month, let day, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
    else { return nil }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// `FIRST..LAST` (or one date, for a range of one day), the first not after the last;
  /// `nil` otherwise.
  static func parseRange(_ text: String) -> DateRange? {
    let ends = text.components(separatedBy: "..")
    guard ends.count <= 2, let first = parseDate(ends[0]), let last = parseDate(ends.last ?? "") else { return nil }
    guard ordinal(first) <= ordinal(last) else { return nil }
    return DateRange(first: first, last: last)
  }

  /// Days in `month` of `year` on the Gregorian calendar (``CivilDate/daysIn(month:year:)``).
  static func daysIn(month: Int32, year: Int32) -> Int32 {
    Int32(CivilDate.daysIn(month: Int(month), year: Int(year)))
  }

  /// A number that orders dates as the calendar does.
  static func ordinal(_ date: CalendarDate) -> Int32 {
    date.year * 10_000 + date.month * 100 + date.day
  }

  /// The day of the week in Vietnamese, short: `T2` (thứ Hai) to `T7`, and `CN` (Chủ nhật).
  static func weekday(_ date: CalendarDate?) -> String {
    guard let date else { return "-" }
    let weekday = CivilDate(Int(date.year), Int(date.month), Int(date.day)).weekday
    // Thứ Hai is the second day of the week (T2), Monday; Sunday is Chủ nhật.
    return weekday == .sunday ? "CN" : "T\(weekday.rawValue + 1)"
  }

  // MARK: Enums

  /// The schema's kinds of inspection and supervision by their short names.
  static let kinds: [(name: String, kind: InspectionKind)] = [
    ("programmed", .programmed), ("signs_of_violation", .signsOfViolation),
    ("regular_supervision", .regularSupervision), ("thematic_supervision", .thematicSupervision),
  ]

  /// The kinds a notice may give a day, by their short names.
  static let dayKinds: [(name: String, kind: InspectionDayKind)] = [
    ("holiday", .holiday), ("compensating_day_off", .compensatingDayOff), ("swapped_day_off", .swappedDayOff),
    ("swapped_working_saturday", .swappedWorkingSaturday), ("working", .working),
  ]

  /// `programmed` for `INSPECTION_KIND_PROGRAMMED`.
  static func kind(_ kind: InspectionKind) -> String {
    Format.enumName(kind.description, prefix: "INSPECTION_KIND_")
  }

  /// The kind named `name` (short or in full, any case); `nil` for none.
  static func parseKind(_ name: String) -> InspectionKind? {
    let key = name.lowercased().replacingOccurrences(of: "inspection_kind_", with: "")
    return kinds.first { $0.name == key }?.kind
  }

  /// `holiday` for `INSPECTION_DAY_KIND_HOLIDAY`.
  static func dayKind(_ kind: InspectionDayKind) -> String {
    Format.enumName(kind.description, prefix: "INSPECTION_DAY_KIND_")
  }

  /// The day kind named `name` (short or in full, any case); `nil` for none.
  static func parseDayKind(_ name: String) -> InspectionDayKind? {
    let key = name.trimmingCharacters(in: .whitespaces).lowercased()
      .replacingOccurrences(of: "inspection_day_kind_", with: "")
    return dayKinds.first { $0.name == key }?.kind
  }

  /// `team_busy` for `INSPECTION_CONSTRAINT_TEAM_BUSY`.
  static func constraint(_ rule: InspectionConstraint) -> String {
    Format.enumName(rule.description, prefix: "INSPECTION_CONSTRAINT_")
  }

  /// `moved` for `INSPECTION_MOVE_KIND_MOVED`.
  static func move(_ kind: InspectionMoveKind) -> String {
    Format.enumName(kind.description, prefix: "INSPECTION_MOVE_KIND_")
  }
}
