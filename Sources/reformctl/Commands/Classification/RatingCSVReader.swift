import Foundation
import ReformKit

/// Reads a CSV file as spreadsheets write it (RFC 4180): fields quoted when they hold the
/// separator, a quote (doubled) or a line break; lines ended by LF or CRLF; an optional UTF-8
/// byte order mark. The separator is the comma, or the semicolon when the header has no comma
/// but a semicolon — as a spreadsheet set to Vietnamese conventions, where the comma is the
/// decimal mark, saves CSV.
///
/// Each record keeps the line it starts on, so that an error can name `FILE:LINE`. A field
/// Reform wrote with a formula guard (``SpreadsheetCell/neutralised(_:)``) is read without it.
struct RatingCSVReader {
  /// One record: the line it starts on (1-based) and its fields.
  struct Record {
    var line: Int
    var fields: [String]
  }

  /// A file that cannot be read as CSV at all.
  struct Failure: Error {
    var line: Int
    var message: String
  }

  /// The records of `data`, blank lines left out.
  ///
  /// - Throws: ``Failure`` when the bytes are not UTF-8 or a quoted field never ends.
  static func records(_ data: Data) throws(Failure) -> [Record] {
    guard var text = String(data: data, encoding: .utf8) else {
      throw Failure(line: 0, message: "not UTF-8 text; save the file as \"CSV UTF-8\"")
    }
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    let firstLine = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
    let separator: Unicode.Scalar = !firstLine.contains(",") && firstLine.contains(";") ? ";" : ","

    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var recordLine = 1
    var quoted = false
    var quoteLine = 0
    var afterQuote = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil

    func endField() {
      fields.append(SpreadsheetCell.restored(String(field)))
      field = String.UnicodeScalarView()
      afterQuote = false
    }
    func endRecord() {
      endField()
      if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
        records.append(Record(line: recordLine, fields: fields))
      }
      fields = []
    }

    while let scalar = pending ?? scalars.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          let next = scalars.next()
          if next == "\"" {
            field.append("\"")
          } else {
            quoted = false
            afterQuote = true
            pending = next
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty && !afterQuote:
        quoted = true
        quoteLine = line
      case separator:
        endField()
      case "\r":
        let next = scalars.next()
        if next != "\n" { pending = next }
        endRecord()
        line += 1
        recordLine = line
      case "\n":
        endRecord()
        line += 1
        recordLine = line
      default:
        field.append(scalar)
      }
    }
    if quoted { throw Failure(line: quoteLine, message: "a quoted field opened on this line never ends") }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}
