import ArgumentParser

/// A file the user gave that is wrong (a plan input, a notice), refused before any call as the
/// service would refuse it: `reformctl: INVALID_ARGUMENT: FILE: field: message` on standard
/// error, and the exit status of a refused request.
enum InputRefusal {
  /// Prints the refusal and returns the exit status to throw.
  static func refuse(file: String, _ problem: some CustomStringConvertible) -> ExitCode {
    StandardError.print("reformctl: INVALID_ARGUMENT: \(file): \(problem)")
    return ExitStatus.refused
  }
}
