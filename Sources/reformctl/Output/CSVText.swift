/// CSV (RFC 4180) as every `reformctl` command writes it: fields separated by commas, quoted
/// with `"` when they hold a comma, a quote or a line break (a quote inside doubled), each
/// line ended by CRLF — what spreadsheet programs read.
enum CSVText {
  /// One record's line, CRLF included.
  static func line(_ fields: [String]) -> String {
    fields.map { field in
      guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
      return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }.joined(separator: ",") + "\r\n"
  }

  /// A whole file: the header, then the rows.
  static func file(header: [String], rows: [[String]]) -> String {
    ([header] + rows).map(line).joined()
  }
}
