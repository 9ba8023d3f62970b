import Foundation

/// Writes CSV lines (RFC 4180) as spreadsheets read them: a field is quoted when it holds a
/// comma, a quote or a line break; lines end with CRLF.
enum RatingCSVWriter {
  /// One line, CRLF included.
  static func line(_ fields: [String]) -> String {
    fields.map { field in
      guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
      return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }.joined(separator: ",") + "\r\n"
  }
}
