import Foundation
import ReformKit

/// Writes CSV the way ``CSVParser`` reads it: RFC 4180, UTF-8, CRLF line ends, fields quoted
/// only when they hold a comma, a quote, a line break, or blanks at either end.
///
/// Every field is first made safe for spreadsheets (`SpreadsheetCell.neutralised`): a text a
/// spreadsheet would run as a formula gets a leading apostrophe, which the parser takes off
/// again. Plain numbers, signed or not, are written as they are.
public enum CSVWriter {
  /// The UTF-8 byte-order mark spreadsheet programs need to show Vietnamese correctly.
  public static let byteOrderMark = "\u{FEFF}"

  /// A whole file: the header, then one line per row, each ended by CRLF.
  public static func document(header: [String], rows: [[String]], withBOM: Bool = false) -> String {
    // Written as UTF-8 bytes and made a string once: a report or a roster is megabytes.
    var bytes: [UInt8] = withBOM ? Array(byteOrderMark.utf8) : []
    bytes.reserveCapacity(64 * (rows.count + 1))
    append(header, to: &bytes)
    for row in rows { append(row, to: &bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends one record and its CRLF.
  public static func append(_ fields: [String], to text: inout String) {
    var bytes: [UInt8] = []
    append(fields, to: &bytes)
    text += String(decoding: bytes, as: UTF8.self)
  }

  /// The field as written: as it is, or in quotes with its quotes doubled.
  public static func quoted(_ field: String) -> String {
    var bytes: [UInt8] = []
    appendQuoted(field, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// ``append(_:to:)`` for a file being written as UTF-8.
  static func append(_ fields: [String], to bytes: inout [UInt8]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      appendQuoted(field, to: &bytes)
    }
    bytes.append(UInt8(ascii: "\r"))
    bytes.append(UInt8(ascii: "\n"))
  }

  /// ``quoted(_:)`` for a file being written as UTF-8.
  static func appendQuoted(_ field: String, to bytes: inout [UInt8]) {
    var field = SpreadsheetCell.neutralised(field)
    let (needsQuotes, hasQuotes) = field.withUTF8 { utf8 in
      var needsQuotes = false
      var hasQuotes = false
      for byte in utf8 {
        switch byte {
        case UInt8(ascii: "\""):
          needsQuotes = true
          hasQuotes = true
        case UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r"): needsQuotes = true
        default: break
        }
      }
      return (needsQuotes, hasQuotes)
    }
    guard needsQuotes || hasBlankEnd(field) else {
      bytes += field.utf8
      return
    }
    bytes.append(UInt8(ascii: "\""))
    if hasQuotes {
      for byte in field.utf8 {
        bytes.append(byte)
        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      }
    } else {
      bytes += field.utf8
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether the field's first or last character is a blank (a character is blank when its
  /// first scalar is). Characters are found only when the scalar at that end could be blank or
  /// belong to a longer character: visible ASCII and the Latin letters end a field on their
  /// own or after a prepended mark, neither of them blank.
  private static func hasBlankEnd(_ field: String) -> Bool {
    let scalars = field.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return false }
    if !isLetterOrVisibleASCII(first), first.properties.isWhitespace { return true }
    return !isLetterOrVisibleASCII(last) && field.last?.isWhitespace == true
  }

  /// Whether a scalar is visible ASCII or lies in the Latin blocks from U+00C0 to U+024F or in
  /// Latin Extended Additional, where the Vietnamese letters are: never blank, and never inside
  /// a character that starts with a blank.
  private static func isLetterOrVisibleASCII(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21...0x7E, 0xC0...0x24F, 0x1E00...0x1EFF: true
    default: false
    }
  }
}
