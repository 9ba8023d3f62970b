/// Rows as CSV (RFC 4180): a header, then one line per row, fields quoted when they hold a
/// comma, a quote or a line break — so DocumentIds (which hold commas) and Vietnamese subjects
/// paste into a spreadsheet whole.
struct CSVRows {
  private var lines: [String]

  init(header: [String]) {
    lines = [CSVText.line(header)]
  }

  mutating func append(_ fields: [String]) {
    lines.append(CSVText.line(fields))
  }

  /// The header and rows, each line ended by CRLF as RFC 4180 writes them.
  func render() -> String {
    lines.joined()
  }
}
