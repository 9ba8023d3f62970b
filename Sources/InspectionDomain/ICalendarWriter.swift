import Foundation
import ReformKit

/// Writes iCalendar content lines (RFC 5545, section 3.1): CRLF after each, folded so no line
/// exceeds 75 octets of UTF-8 without cutting a character's bytes apart.
struct ICalendarWriter: Sendable {
  /// The content written so far.
  private(set) var output = ""

  /// The longest line, in octets, CRLF excluded.
  static let lineLimit = 75

  /// Adds the content line `name:value`; `name` may carry parameters (`DTSTART;VALUE=DATE`)
  /// and `value` must already be escaped where it is text.
  mutating func add(_ name: String, _ value: String) {
    output += Self.fold("\(name):\(value)")
  }

  /// `line` folded: a CRLF and a space before any octet that would pass the limit, the space
  /// counting towards the next line's 75.
  static func fold(_ line: String) -> String {
    var folded = ""
    var octets = 0
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if octets + size > lineLimit {
        folded += "\r\n "
        octets = 1
      }
      folded.unicodeScalars.append(scalar)
      octets += size
    }
    return folded + "\r\n"
  }

  /// `value` as a TEXT value (section 3.3.11): NFC, with backslash, semicolon and comma
  /// escaped and every line break written `\n`.
  static func text(_ value: String) -> String {
    var escaped = ""
    for character in value.nfc {
      switch character {
      case "\\": escaped += "\\\\"
      case ";": escaped += "\\;"
      case ",": escaped += "\\,"
      case _ where character.isNewline: escaped += "\\n"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// `date` as a DATE value, e.g. `20260302`.
  static func date(_ date: CivilDate) -> String {
    date.description.replacingOccurrences(of: "-", with: "")
  }

  /// `instant` as a UTC DATE-TIME value, e.g. `20260105T083000Z`, to the second.
  static func utcDateTime(_ instant: Date) -> String {
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
    let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
    let dayShift = secondOfDay < 0 ? -1 : 0
    let second = secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay
    let day = CivilDate(dayNumber: days + dayShift)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(date(day))T\(two(second / 3600))\(two(second % 3600 / 60))\(two(second % 60))Z"
  }
}
