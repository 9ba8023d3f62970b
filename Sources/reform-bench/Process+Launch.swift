import Foundation

extension Process {
  /// Starts the executable at `path` with `arguments`, its output going where reform-bench's
  /// goes: a child of a benchmark, which stops it when done.
  static func launch(_ path: String, _ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    try process.run()
    return process
  }
}
