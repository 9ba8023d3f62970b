/// One record of a CSV file: its fields, and the 1-based line it starts on (a quoted field may
/// span lines; the header is line 1).
public struct CSVRecord: Sendable, Hashable {
  /// The line the record starts on.
  public var line: Int
  /// The fields, unquoted.
  public var fields: [String]

  /// Makes a record.
  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }
}
