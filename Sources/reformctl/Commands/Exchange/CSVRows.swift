/// Rows as CSV (RFC 4180): a header, then one line per row, fields quoted when they hold a
/// comma, a quote or a line break — so DocumentIds (which hold commas) and Vietnamese subjects
/// paste into a spreadsheet whole.
struct CSVRows {
  private var lines: [String]

  init(header: [String]) {
    lines = [Self.line(header)]
  }

  mutating func append(_ fields: [String]) {
    lines.append(Self.line(fields))
  }

  /// The header and rows, each line ended by CRLF as RFC 4180 writes them.
  func render() -> String {
    lines.map { $0 + "\r\n" }.joined()
  }

  private static func line(_ fields: [String]) -> String {
    fields.map { field in
      guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
      return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }.joined(separator: ",")
  }
}
