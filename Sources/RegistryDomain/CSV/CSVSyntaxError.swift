import ReformKit

/// A place where a file breaks RFC 4180 or is not UTF-8: the 1-based line and column (the
/// field's position in its record), and what is wrong there.
public struct CSVSyntaxError: DomainFailure, Hashable {
  /// The line the problem is on (for an unterminated quoted field, the line it opens on).
  public var line: Int
  /// The field's position in its record, 1-based.
  public var column: Int
  /// What is wrong, with the character position on the line.
  public var message: String

  /// Makes an error.
  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// Always ``DomainErrorKind/invalidArgument``.
  public var kind: DomainErrorKind { .invalidArgument }
  /// `"line L, column C"`: a syntax error has no field name yet.
  public var field: String { "line \(line), column \(column)" }
}
