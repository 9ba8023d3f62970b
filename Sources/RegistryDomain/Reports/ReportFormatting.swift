import Foundation
import ReformKit

/// Number, time and width formatting shared by the renderers, in Vietnamese conventions:
/// `.` groups thousands, `,` marks decimals, times are Vietnam's (UTC+7).
enum ReportFormatting {
  /// 12345 → "12.345".
  static func grouped(_ value: Int) -> String {
    guard value.magnitude >= 1000 else { return String(value) }
    let digits = Array(String(value.magnitude).utf8)
    var result: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(UInt8(ascii: ".")) }
      result.append(digit)
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// Basis points as Vietnamese percent: 6667 → "66,67%".
  static func percent(basisPoints: Int) -> String {
    Percentage.format(basisPoints, decimalMark: ",") + "%"
  }

  /// Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975, so a fixed offset is
  /// exact for every report and needs no time-zone database.
  static let vietnamOffsetSeconds = 7 * 3600

  /// "14:05 ngày 31/12/2024" in Vietnam's time.
  static func vietnamTime(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + vietnamOffsetSeconds
    let days = Int((Double(seconds) / 86_400).rounded(.down))
    let secondOfDay = seconds - days * 86_400
    let civil = CivilDate(dayNumber: days)
    let hour = secondOfDay / 3600
    let minute = (secondOfDay % 3600) / 60
    let hh = hour < 10 ? "0\(hour)" : "\(hour)"
    let mm = minute < 10 ? "0\(minute)" : "\(minute)"
    return "\(hh):\(mm) ngày \(civil.vietnameseText)"
  }

  /// The columns a string takes in a terminal: one per character, none for a lone combining
  /// mark or joiner, two for East Asian wide and emoji characters. Vietnamese letters with
  /// their marks (precomposed or not) are one character each, so one column.
  static func displayWidth(_ text: String) -> Int {
    singleColumnCount(text) ?? text.reduce(0) { width, character in width + columns(of: character) }
  }

  /// The width of text made only of characters that are one scalar and one column each —
  /// printable ASCII, Latin-1 letters and signs (not the soft hyphen), Latin Extended-A and -B,
  /// Latin Extended Additional (the precomposed Vietnamese letters), the dashes, quotes and
  /// ellipsis of General Punctuation, and the dingbats (✓, ✗) — counted without finding
  /// character boundaries; `nil` for any other text.
  private static func singleColumnCount(_ text: String) -> Int? {
    var count = 0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x24F, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2700...0x27BF: count += 1
      default: return nil
      }
    }
    return count
  }

  private static func columns(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    switch first.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  /// The text cut to at most `width` columns, with "…" when cut.
  static func truncated(_ text: String, to width: Int) -> String {
    if let count = singleColumnCount(text) {
      return count > width ? String(text.unicodeScalars.prefix(max(0, width - 1))) + "…" : text
    }
    guard displayWidth(text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      let next = columns(of: character)
      if used + next > width - 1 { break }
      result.append(character)
      used += next
    }
    return result + "…"
  }
}
