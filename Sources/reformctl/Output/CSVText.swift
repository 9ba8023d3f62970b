import ReformKit

/// CSV (RFC 4180) as every `reformctl` command writes it: fields separated by commas, quoted
/// with `"` when they hold a comma, a quote or a line break (a quote inside doubled), each
/// line ended by CRLF — what spreadsheet programs read.
///
/// Every field is passed through ``SpreadsheetCell/neutralised(_:)`` first: a name or subject
/// that starts with `=`, `+`, `-` or `@` came from a caller and must open as text, not run as a
/// formula. The readers of Reform's own CSV take the mark off with
/// ``SpreadsheetCell/restored(_:)``.
enum CSVText {
  /// One record's line, CRLF included.
  static func line(_ fields: [String]) -> String {
    fields.map { cell in
      let field = SpreadsheetCell.neutralised(cell)
      guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
      return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }.joined(separator: ",") + "\r\n"
  }

  /// A whole file: the header, then the rows.
  static func file(header: [String], rows: [[String]]) -> String {
    ([header] + rows).map(line).joined()
  }
}
