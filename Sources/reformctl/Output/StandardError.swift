import Foundation

/// Writes to standard error, where diagnostics go so that standard output stays the
/// command's result.
enum StandardError {
  /// Writes `line` and a newline to standard error.
  static func print(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
