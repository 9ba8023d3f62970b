import ReformKit

/// One problem found in an imported file, as `RegistryImportError` in `registry.proto`.
public struct CSVImportError: Sendable, Hashable, CustomStringConvertible {
  /// 1-based line of the file (the header is line 1); for a record spanning lines, the line
  /// it starts on.
  public var line: Int
  /// 1-based column (the field's position in the record); 0 when the problem concerns the
  /// whole line or the whole file.
  public var column: Int
  /// The header name of that column, e.g. "parent_code"; empty with column 0.
  public var field: String
  /// The offending value as read.
  public var value: String
  /// What is wrong and how to fix it.
  public var message: String
  /// The class of the problem (e.g. ``DomainErrorKind/notFound`` for an unknown parent).
  public var kind: DomainErrorKind

  /// Makes an error.
  public init(line: Int, column: Int, field: String, value: String = "", message: String, kind: DomainErrorKind = .invalidArgument) {
    self.line = line
    self.column = column
    self.field = field
    self.value = value
    self.message = message
    self.kind = kind
  }

  /// `line L, column C (field): message`.
  public var description: String {
    let place = column == 0 ? "line \(line)" : "line \(line), column \(column) (\(field))"
    return "\(place): \(message)"
  }
}
