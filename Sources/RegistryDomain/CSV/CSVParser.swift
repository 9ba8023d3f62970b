import ReformKit

/// An RFC 4180 reader for UTF-8 files.
///
/// - Fields are separated by commas and records by CRLF, LF or a lone CR.
/// - A field in double quotes may hold commas, line breaks and doubled quotes (`""` for `"`);
///   its line breaks are kept as written.
/// - A leading byte-order mark (EF BB BF) is skipped; blank lines are skipped.
/// - A field ``CSVWriter`` neutralised for spreadsheets (an apostrophe before `=`, `+`, `-`,
///   `@`) reads back without the apostrophe (`SpreadsheetCell.restored`).
/// - Problems are reported with their line and column (field position) and reading goes on
///   where it can: a quote inside an unquoted field, text after a closing quote, bytes that
///   are not UTF-8. An unterminated quoted field is reported on the line it opens.
///
/// The reader works on bytes and makes one `String` per field, so that 100,000 records read in
/// a fraction of a second.
public enum CSVParser {
  /// Reads a file.
  public static func parse(_ text: String) -> CSVDocument {
    var text = text
    return text.withUTF8 { parse(bytes: $0) }
  }

  /// Reads a file's bytes.
  public static func parse(bytes: [UInt8]) -> CSVDocument {
    bytes.withUnsafeBufferPointer { parse(bytes: $0) }
  }

  /// Reads a file's bytes.
  public static func parse(bytes input: UnsafeBufferPointer<UInt8>) -> CSVDocument {
    var reader = Reader(input: input)
    reader.run()
    return CSVDocument(records: reader.records, errors: reader.errors)
  }

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  private struct Reader {
    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    var line = 1
    var lineStart = 0
    var records: [CSVRecord] = []
    var errors: [CSVSyntaxError] = []
    var fields: [String] = []
    var recordLine = 1
    var lastErrorLine = 0
    var unquoted: [UInt8] = []

    init(input: UnsafeBufferPointer<UInt8>) {
      self.input = input
      if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
        position = 3
        lineStart = 3
      }
    }

    mutating func run() {
      let end = input.count
      while position < end {
        recordLine = line
        if isLineBreak(at: position) {
          skipLineBreak()
          continue
        }
        fields.removeAll(keepingCapacity: true)
        var recordDone = false
        while !recordDone {
          let column = fields.count + 1
          if position < end && input[position] == CSVParser.quote {
            guard readQuoted(column: column) else { return }
          } else {
            readUnquoted(column: column)
          }
          if position >= end {
            recordDone = true
          } else if input[position] == CSVParser.comma {
            position += 1
            if position >= end { fields.append("") }
          } else {
            skipLineBreak()
            recordDone = true
          }
        }
        records.append(CSVRecord(line: recordLine, fields: fields))
      }
    }

    /// Reads a field without quotes up to a comma or a line break.
    mutating func readUnquoted(column: Int) {
      let start = position
      let end = input.count
      while position < end {
        let byte = input[position]
        if byte == CSVParser.comma || byte == CSVParser.lineFeed || byte == CSVParser.carriageReturn { break }
        if byte == CSVParser.quote {
          report(column: column, at: position, "a quote inside an unquoted field; quote the whole field and double the quote")
        }
        position += 1
      }
      keep(makeString(start..<position, column: column))
    }

    /// Adds a field to the record, as it was before an export neutralised it for spreadsheets
    /// (`'=A1` reads back as `=A1`), so that an export imports back unchanged.
    mutating func keep(_ field: String) {
      fields.append(SpreadsheetCell.restored(field))
    }

    /// Reads a quoted field; `false` when its closing quote never comes.
    mutating func readQuoted(column: Int) -> Bool {
      let openLine = line
      let openPosition = position
      let openLineStart = lineStart
      position += 1
      var segmentStart = position
      var hasEscapes = false
      unquoted.removeAll(keepingCapacity: true)
      let end = input.count
      while true {
        guard position < end else {
          line = openLine
          lineStart = openLineStart
          report(column: column, at: openPosition, "a quoted field opens here and is never closed")
          return false
        }
        let byte = input[position]
        if byte == CSVParser.quote {
          if position + 1 < end && input[position + 1] == CSVParser.quote {
            hasEscapes = true
            unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: input[segmentStart..<(position + 1)]))
            position += 2
            segmentStart = position
            continue
          }
          break
        }
        if byte == CSVParser.lineFeed || (byte == CSVParser.carriageReturn && !(position + 1 < end && input[position + 1] == CSVParser.lineFeed)) {
          line += 1
          lineStart = position + 1
        }
        position += 1
      }
      if hasEscapes {
        unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: input[segmentStart..<position]))
        keep(unquoted.withUnsafeBufferPointer { makeString($0, column: column, offset: openPosition) })
      } else {
        keep(makeString(segmentStart..<position, column: column))
      }
      position += 1
      if position < end, !isSeparator(at: position) {
        report(column: column, at: position, "text after the closing quote; put the whole field in quotes")
        while position < end, !isSeparator(at: position) { position += 1 }
      }
      return true
    }

    func isSeparator(at index: Int) -> Bool {
      let byte = input[index]
      return byte == CSVParser.comma || byte == CSVParser.lineFeed || byte == CSVParser.carriageReturn
    }

    func isLineBreak(at index: Int) -> Bool {
      input[index] == CSVParser.lineFeed || input[index] == CSVParser.carriageReturn
    }

    mutating func skipLineBreak() {
      if input[position] == CSVParser.carriageReturn, position + 1 < input.count, input[position + 1] == CSVParser.lineFeed {
        position += 2
      } else {
        position += 1
      }
      line += 1
      lineStart = position
    }

    mutating func makeString(_ range: Range<Int>, column: Int) -> String {
      makeString(UnsafeBufferPointer(rebasing: input[range]), column: column, offset: range.lowerBound)
    }

    /// Decodes a field, reporting the first byte that is not UTF-8, or else the first U+0000.
    /// Both become U+FFFD: no text on the wire may hold U+0000, and problems quote the field.
    mutating func makeString(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, offset: Int) -> String {
      let nul = bytes.firstIndex(of: 0)
      if let bad = UTF8Check.firstInvalidIndex(in: bytes) {
        report(column: column, at: min(offset + bad, input.count - 1), "bytes that are not UTF-8; save the file as UTF-8")
      } else if let nul {
        report(column: column, at: min(offset + nul, input.count - 1), "the character U+0000, which no field may hold")
      }
      let text = String(decoding: bytes, as: UTF8.self)
      guard nul != nil else { return text }
      return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }

    /// Records one problem per line at most: later ones on the same line follow from the first.
    mutating func report(column: Int, at index: Int, _ problem: String) {
      guard line != lastErrorLine else { return }
      lastErrorLine = line
      let character = UTF8Check.characterCount(in: UnsafeBufferPointer(rebasing: input[lineStart..<max(lineStart, index)])) + 1
      errors.append(CSVSyntaxError(line: line, column: column, message: "\(problem) (character \(character) of the line)"))
    }
  }
}
