/// What ``CSVParser`` read: every record it could make out, and every syntax problem.
///
/// A stray quote or a bad byte is reported and reading goes on, so that one pass finds every
/// problem; an unterminated quoted field ends the reading, since nothing after it can be
/// placed.
public struct CSVDocument: Sendable, Hashable {
  /// The records, header included, in file order. Blank lines are skipped.
  public var records: [CSVRecord]
  /// The syntax problems, in file order; empty for a sound file.
  public var errors: [CSVSyntaxError]
}
