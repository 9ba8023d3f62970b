import Foundation
import ReformKit

/// CSV (RFC 4180) as the `calendar notice` file is read: fields separated by commas, quoted
/// with `"` when they hold a comma, a quote or a line break, a quote inside doubled, unquoted
/// fields trimmed, the formula guard ``CSVText`` writes taken off again. Commands write CSV with
/// ``CSVText``.
enum InspectionCSV {
  /// A record read from a file, with the line it starts on.
  struct Record {
    var line: Int
    var fields: [String]
  }

  /// A quote left open at the end of the text.
  struct UnclosedQuote: Error {
    /// The line on which the quoted field starts.
    var line: Int
  }

  /// The records of `text`, skipping blank lines. A byte order mark at the start is dropped.
  static func records(_ text: String) throws(UnclosedQuote) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var inQuotes = false
    var afterQuote = false
    var line = 1
    var recordLine = 1
    var characters = Substring(text)
    if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }

    func endField() {
      fields.append(SpreadsheetCell.restored(quoted ? field : field.trimmingCharacters(in: .whitespaces)))
      field = ""
      quoted = false
      afterQuote = false
    }
    func endRecord() {
      endField()
      if fields.count > 1 || !fields[0].isEmpty { records.append(Record(line: recordLine, fields: fields)) }
      fields = []
    }

    var iterator = characters.makeIterator()
    var pending: Character? = nil
    while let character = pending ?? iterator.next() {
      pending = nil
      if inQuotes {
        if character == "\"" {
          let next = iterator.next()
          if next == "\"" {
            field.append("\"")
          } else {
            inQuotes = false
            afterQuote = true
            pending = next
          }
        } else {
          if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"" where field.allSatisfy(\.isWhitespace) && !afterQuote:
        field = ""
        quoted = true
        inQuotes = true
      case ",":
        endField()
      case "\n", "\r\n", "\r":
        endRecord()
        line += 1
        recordLine = line
      default:
        // Spaces after a closing quote are dropped; other text after it, e.g. `"a" b`, is kept.
        if afterQuote && character.isWhitespace { continue }
        field.append(character)
      }
    }
    if inQuotes { throw UnclosedQuote(line: recordLine) }
    endRecord()
    return records
  }
}
