import Foundation

/// A parsed file checked against the columns an import knows: header line first, columns in
/// any order, every required column present, no unknown or repeated column, and every record
/// as long as the header.
struct CSVTable {
  /// The column names as read, in order.
  let header: [String]
  /// Column index (0-based) by name.
  let index: [String: Int]
  /// The data records that have the header's length; blank records are dropped.
  let rows: [CSVRecord]
  /// Syntax and shape problems found so far.
  var errors: [CSVImportError]
  /// The line the header is on (1 unless blank lines come first).
  let headerLine: Int

  init(document: CSVDocument, known: [String], required: Set<String>) {
    var errors = document.errors.map { syntax in
      CSVImportError(line: syntax.line, column: syntax.column, field: "", message: syntax.message)
    }
    guard let first = document.records.first else {
      header = []
      index = [:]
      rows = []
      headerLine = 1
      errors.append(CSVImportError(line: 1, column: 0, field: "", message: "the file is empty; the first line names the columns: \(known.joined(separator: ","))"))
      self.errors = errors
      return
    }
    headerLine = first.line
    header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    var index: [String: Int] = [:]
    let knownSet = Set(known)
    for (position, name) in header.enumerated() {
      if !knownSet.contains(name) {
        errors.append(
          CSVImportError(
            line: first.line, column: position + 1, field: name, value: first.fields[position],
            message: "unknown column \"\(name)\"; the columns are \(known.joined(separator: ", "))"))
      } else if index[name] != nil {
        errors.append(
          CSVImportError(line: first.line, column: position + 1, field: name, value: name, message: "column \"\(name)\" appears twice"))
      } else {
        index[name] = position
      }
    }
    for name in known where required.contains(name) && index[name] == nil {
      errors.append(CSVImportError(line: first.line, column: 0, field: "", message: "column \"\(name)\" is required"))
    }
    self.index = index
    var rows: [CSVRecord] = []
    rows.reserveCapacity(document.records.count)
    for record in document.records.dropFirst() {
      if record.fields.allSatisfy({ $0.isEmpty }) { continue }
      if record.fields.count != header.count {
        errors.append(
          CSVImportError(
            line: record.line, column: 0, field: "",
            message: "has \(record.fields.count) fields; the header has \(header.count)"))
        continue
      }
      rows.append(record)
    }
    self.rows = rows
    self.errors = errors
  }

  /// Whether the header is usable (rows can be read).
  var headerIsSound: Bool { !header.isEmpty && errors.allSatisfy { $0.line != headerLine } }
}
