import ReformKit

/// Reads the typed fields of one record and collects a ``CSVImportError`` for each field that
/// does not read, naming its line, column and field.
///
/// The field forms are those `registry.proto` states for every CSV kind: dates `YYYY-MM-DD`
/// (also `DD/MM/YYYY`); booleans `true`/`false`, `1`/`0` or `có`/`không`; enums by value name
/// without prefix, any case; lists separated by `|`; periods as ``Period`` writes them.
struct CSVRowReader {
  let record: CSVRecord
  let index: [String: Int]
  var errors: [CSVImportError] = []

  init(record: CSVRecord, index: [String: Int]) {
    self.record = record
    self.index = index
  }

  /// The field's text with surrounding blanks removed; empty for an absent column.
  func text(_ name: String) -> String {
    guard let position = index[name] else { return "" }
    return record.fields[position].normalizedText
  }

  /// The field's text, or an error when it is empty.
  mutating func required(_ name: String, _ what: String) -> String {
    let value = text(name)
    if value.isEmpty { fail(name, "is required: \(what)") }
    return value
  }

  /// A date, `nil` when empty.
  mutating func date(_ name: String) -> CivilDate? {
    let value = text(name)
    guard !value.isEmpty else { return nil }
    guard let date = CivilDate(parsing: value) else {
      fail(name, "\"\(value)\" is not a date; write YYYY-MM-DD (or DD/MM/YYYY)")
      return nil
    }
    return date
  }

  /// A boolean, `false` when empty.
  mutating func bool(_ name: String) -> Bool {
    switch text(name).lowercased() {
    case "", "false", "0", "không", "khong": return false
    case "true", "1", "có", "co": return true
    case let value:
      fail(name, "\"\(value)\" is not a yes or no; write true/false, 1/0 or có/không")
      return false
    }
  }

  /// An enum value by its name, any case, `nil` when empty.
  mutating func choice<Value: RawRepresentable & CaseIterable>(_ name: String, _ type: Value.Type) -> Value?
  where Value.RawValue == String {
    let value = text(name)
    guard !value.isEmpty else { return nil }
    return choice(value, in: name)
  }

  /// One enum value by name, reporting an unknown one against `field`.
  mutating func choice<Value: RawRepresentable & CaseIterable>(_ value: String, in field: String) -> Value?
  where Value.RawValue == String {
    if let match = Value(rawValue: value.uppercased()) { return match }
    let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
    fail(field, "\"\(value)\" is not one of \(names)")
    return nil
  }

  /// A whole number ≥ 0, `nil` when empty or wrong.
  mutating func count(_ name: String) -> Int? {
    let value = text(name)
    guard !value.isEmpty else {
      fail(name, "is required: a whole number, 0 or more")
      return nil
    }
    guard let number = Int(value), number >= 0 else {
      fail(name, "\"\(value)\" is not a whole number, 0 or more")
      return nil
    }
    return number
  }

  /// Records a problem with a column.
  mutating func fail(_ name: String, _ message: String, kind: DomainErrorKind = .invalidArgument) {
    let position = index[name]
    errors.append(
      CSVImportError(
        line: record.line, column: position.map { $0 + 1 } ?? 0, field: position == nil ? "" : name,
        value: position.map { record.fields[$0] } ?? "", message: message, kind: kind))
  }

  /// Records a domain error, placed on the column `columnFor` maps its field to (the whole line
  /// when it maps to none).
  mutating func fail(_ error: some DomainFailure, columnFor: (String) -> String?) {
    if let column = columnFor(error.field), index[column] != nil {
      fail(column, error.message, kind: error.kind)
    } else {
      errors.append(
        CSVImportError(
          line: record.line, column: 0, field: "",
          message: error.field.isEmpty ? error.message : "\(error.field): \(error.message)", kind: error.kind))
    }
  }
}
