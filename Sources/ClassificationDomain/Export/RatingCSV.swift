import Foundation
import ReformKit

/// Ratings as CSV (RFC 4180): UTF-8, a header row, CRLF line ends, fields quoted when they hold
/// a comma, a quote or a line break. Levels are written by their Vietnamese names with
/// diacritics, as a spreadsheet's reader expects to see them. A text cell a spreadsheet would
/// run as a formula (a name starting with `=`, `+`, `-` or `@`) is written with a leading
/// apostrophe (``SpreadsheetCell/neutralised(_:)``): names and ids come from clerks.
///
/// Columns, as the proto's ClassificationExportCsvRequest lists them: subject_kind, subject_id,
/// subject_name, unit_code, quota_unit_code, duty_group, year, score (points with two decimals,
/// e.g. 90.50; empty without points), level, level_before_quota, quota_demoted, failed_rules
/// (`|`-separated rule ids), run_id, locked.
public enum RatingCSV {
  /// The header row's column names.
  public static let columns = [
    "subject_kind", "subject_id", "subject_name", "unit_code", "quota_unit_code", "duty_group", "year",
    "score", "level", "level_before_quota", "quota_demoted", "failed_rules", "run_id", "locked",
  ]

  /// `ratings` as one CSV text, in the order given. `runId` and `locked` fill their columns;
  /// `byteOrderMark` starts the text with U+FEFF for spreadsheet programs that need it.
  public static func export(_ ratings: [Rating], runId: String = "", locked: Bool = false, byteOrderMark: Bool = false)
    -> String
  {
    var text = byteOrderMark ? "\u{FEFF}" : ""
    text.reserveCapacity(128 * (ratings.count + 1))
    append(columns, to: &text)
    for rating in ratings {
      append(
        [
          rating.subjectKind.code, rating.subjectId, rating.subjectName ?? "", rating.unitCode,
          rating.quotaUnitCode, rating.dutyGroup ?? "", String(rating.year),
          rating.scoreHundredths.map(points) ?? "", rating.level.vietnameseName,
          rating.levelBeforeQuota.vietnameseName, rating.isQuotaDemoted ? "true" : "false",
          rating.failedRuleIds.joined(separator: "|"), runId, locked ? "true" : "false",
        ], to: &text)
    }
    return text
  }

  /// One record, fields joined by commas, ended by CRLF.
  private static func append(_ fields: [String], to text: inout String) {
    for (index, field) in fields.enumerated() {
      if index > 0 { text.append(",") }
      text.append(quoted(SpreadsheetCell.neutralised(field)))
    }
    text.append("\r\n")
  }

  /// The field as is, or in double quotes with inner quotes doubled when it holds a comma, a
  /// quote, a CR or an LF.
  static func quoted(_ field: String) -> String {
    guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Hundredths as points with two decimals and a point, e.g. 9050 → "90.50".
  private static func points(_ hundredths: Int) -> String {
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
