import Foundation

/// Writes CSV the way ``CSVParser`` reads it: RFC 4180, UTF-8, CRLF line ends, fields quoted
/// only when they hold a comma, a quote, a line break, or blanks at either end.
public enum CSVWriter {
  /// The UTF-8 byte-order mark spreadsheet programs need to show Vietnamese correctly.
  public static let byteOrderMark = "\u{FEFF}"

  /// A whole file: the header, then one line per row, each ended by CRLF.
  public static func document(header: [String], rows: [[String]], withBOM: Bool = false) -> String {
    var text = withBOM ? byteOrderMark : ""
    text.reserveCapacity(64 * (rows.count + 1))
    append(header, to: &text)
    for row in rows { append(row, to: &text) }
    return text
  }

  /// Appends one record and its CRLF.
  public static func append(_ fields: [String], to text: inout String) {
    for (index, field) in fields.enumerated() {
      if index > 0 { text.append(",") }
      text.append(quoted(field))
    }
    text.append("\r\n")
  }

  /// The field as written: as it is, or in quotes with its quotes doubled.
  public static func quoted(_ field: String) -> String {
    let needsQuotes = field.utf8.contains { byte in
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    } || field.first?.isWhitespace == true || field.last?.isWhitespace == true
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
