import Foundation
import ReformWire

/// How the `rating` commands write levels, subject kinds, points and shares, in one place so
/// that tables, CSV and explanations say them alike. Points are hundredths on the wire
/// (9050 = 90.50 points) and shares basis points (2000 = 20%): both are written with two
/// decimals and a point, as spreadsheets read them.
enum RatingText {
  /// `HTXSNV`, `HTTNV`, `HTNV`, `KHTNV`; `-` when unspecified.
  static func level(_ level: RatingLevel) -> String {
    level.rawValue == 0 ? "-" : Format.enumName(level.description, prefix: "RATING_LEVEL_").uppercased()
  }

  /// The full Vietnamese name, e.g. "Hoàn thành xuất sắc nhiệm vụ".
  static func levelName(_ level: RatingLevel) -> String {
    switch level {
    case .htxsnv: "Hoàn thành xuất sắc nhiệm vụ"
    case .httnv: "Hoàn thành tốt nhiệm vụ"
    case .htnv: "Hoàn thành nhiệm vụ"
    case .khtnv: "Không hoàn thành nhiệm vụ"
    default: "-"
    }
  }

  /// The four levels, best first.
  static let levels: [RatingLevel] = [.htxsnv, .httnv, .htnv, .khtnv]

  /// `party-member`, `civil-servant`, `public-employee`, `collective`.
  static func kind(_ kind: RatingSubjectKind) -> String {
    Format.enumName(kind.description, prefix: "RATING_SUBJECT_KIND_").replacingOccurrences(of: "_", with: "-")
  }

  /// The Vietnamese name of a kind, e.g. "Đảng viên".
  static func kindName(_ kind: RatingSubjectKind) -> String {
    switch kind {
    case .partyMember: "Đảng viên"
    case .civilServant: "Công chức"
    case .publicEmployee: "Viên chức"
    case .collective: "Tập thể"
    default: "-"
    }
  }

  /// Hundredths as points with two decimals: 9050 as `90.50`.
  static func points(_ hundredths: Int32) -> String {
    decimal(Int64(hundredths))
  }

  /// Basis points as a percentage with two decimals: 2000 as `20.00%`.
  static func share(_ basisPoints: Int32) -> String {
    decimal(Int64(basisPoints)) + "%"
  }

  /// A signed change of basis points, e.g. `+1.25%`, `-0.50%`, `0.00%`.
  static func shareChange(_ basisPoints: Int32) -> String {
    (basisPoints > 0 ? "+" : "") + share(basisPoints)
  }

  /// A signed change of a count, e.g. `+3`, `-1`, `0`.
  static func countChange(_ count: Int64) -> String {
    count > 0 ? "+\(count)" : String(count)
  }

  /// `value` hundredths with two decimals, exactly (no floating point).
  private static func decimal(_ value: Int64) -> String {
    let sign = value < 0 ? "-" : ""
    let magnitude = value.magnitude
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// A count and its noun, in the singular for one: `1 error`, `3 errors`.
  static func count(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// `held`, `failed`, `n/a`, `disabled`.
  static func outcome(_ outcome: RatingRuleOutcome) -> String {
    switch outcome {
    case .held: "held"
    case .failed: "FAILED"
    case .notApplicable: "n/a"
    case .disabled: "disabled"
    default: "-"
    }
  }

  /// A tie-break key in words, e.g. `task results score`.
  static func tieBreak(_ key: RatingTieBreakKey) -> String {
    switch key {
    case .totalScore: "total score"
    case .taskResultsScore: "task results score"
    case .exceededShare: "share of tasks exceeded"
    case .onTimeShare: "share of tasks on time"
    case .subjectId: "subject id"
    default: "-"
    }
  }

  /// A rule kind without its prefix, in lower case: `score_threshold`.
  static func ruleKind(_ kind: RatingRuleKind) -> String {
    Format.enumName(kind.description, prefix: "RATING_RULE_KIND_")
  }

  /// A source as cited: `366-QĐ/TW, Điều 4, khoản 1`.
  static func citation(_ source: SourceRef?) -> String {
    guard let source else { return "-" }
    return Format.orDash([source.document, source.article].filter { !$0.isEmpty }.joined(separator: ", "))
  }

  /// A calendar date as `2026-03-01`; `-` when unset.
  static func date(_ date: CalendarDate?) -> String {
    guard let date, date.year != 0 else { return "-" }
    return String(format: "%04d-%02d-%02d", Int(date.year), Int(date.month), Int(date.day))
  }

  /// Who did something: the principal's display name, else its id.
  static func principal(_ principal: Principal?) -> String {
    guard let principal else { return "-" }
    return Format.orDash(principal.displayName.isEmpty ? principal.id : principal.displayName)
  }

  /// Text as a key to match names typed by hand: lower case, Vietnamese diacritics dropped
  /// (đ as d), spaces and underscores as hyphens — so `Khiển trách`, `khien trach` and
  /// `KHIEN_TRACH` all read `khien-trach`.
  static func key(_ text: String) -> String {
    let folded = text.trimmingCharacters(in: .whitespaces)
      .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
      .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var result = ""
    for character in folded {
      let mapped: Character = character == " " || character == "_" ? "-" : character
      if mapped == "-", result.last == "-" { continue }
      result.append(mapped)
    }
    return result
  }
}
