import ReformKit

/// An import that wrote nothing, with every problem found, in line then column order.
///
/// Imports are all or nothing: one bad line refuses the whole file, and the file is read to
/// its end first so that every problem is reported at once.
public struct CSVImportFailure: DomainFailure, Hashable {
  /// Every problem, by line then column.
  public var errors: [CSVImportError]

  /// Makes a failure, sorting the problems.
  public init(errors: [CSVImportError]) {
    self.errors = errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
  }

  /// Always ``DomainErrorKind/invalidArgument``: the file is at fault.
  public var kind: DomainErrorKind { .invalidArgument }
  /// `"csv"`: the request's file; each problem names its own field.
  public var field: String { "csv" }
  /// How many problems, and the first.
  public var message: String {
    guard let first = errors.first else { return "the file was refused" }
    return errors.count == 1 ? "1 problem: \(first)" : "\(errors.count) problems, the first: \(first)"
  }
}
