/// A CSV cell made safe to open in a spreadsheet: a cell whose text a spreadsheet would run as
/// a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a
/// leading apostrophe, which spreadsheets show as text and do not evaluate ("CSV injection").
///
/// A plain number ("-12", "+3.5", "-0,25") is left as it is: it is no formula, and a column of
/// figures stays a column of figures. Readers of Reform's own CSV take the apostrophe off again
/// with ``restored(_:)``, so an export imports back unchanged.
public enum SpreadsheetCell {
  /// `text` as it may be written into a CSV cell.
  public static func neutralised(_ text: String) -> String {
    guard let first = text.utf8.first, triggers(first), !isPlainNumber(text) else { return text }
    return "'" + text
  }

  /// The text of a cell as ``neutralised(_:)`` wrote it: one leading apostrophe before a
  /// formula character is taken off; any other text is returned as it is.
  public static func restored(_ cell: String) -> String {
    let utf8 = cell.utf8
    guard utf8.count >= 2, utf8.first == UInt8(ascii: "'"), triggers(utf8[utf8.index(after: utf8.startIndex)]) else {
      return cell
    }
    let rest = String(cell.dropFirst())
    return isPlainNumber(rest) ? cell : rest
  }

  /// Whether a cell starting with this byte would be taken for a formula.
  private static func triggers(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
    default: false
    }
  }

  /// A sign, then digits with at most one decimal point or comma: a number, never a formula.
  private static func isPlainNumber(_ text: String) -> Bool {
    var digits = 0
    var separators = 0
    for (index, byte) in text.utf8.enumerated() {
      switch byte {
      // Each pattern needs its own `where`: a sign is a number's only at the start.
      case UInt8(ascii: "+") where index == 0, UInt8(ascii: "-") where index == 0: continue
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
      case UInt8(ascii: "."), UInt8(ascii: ","): separators += 1
      default: return false
      }
    }
    return digits > 0 && separators <= 1
  }
}
