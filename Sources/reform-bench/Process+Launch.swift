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

  /// Where a child's standard error goes when ``output(_:_:environment:standardError:)`` runs it.
  enum StandardErrorTarget {
    /// reform-bench's own.
    case inherited
    /// Nowhere.
    case discarded
    /// Into the output that is returned, interleaved.
    case merged
  }

  /// Runs the executable at `path` with `arguments` to its end; its exit status and what it
  /// printed on standard output.
  static func output(
    _ path: String, _ arguments: [String], environment: [String: String]? = nil,
    standardError: StandardErrorTarget = .inherited
  ) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    switch standardError {
    case .inherited: break
    case .discarded: process.standardError = FileHandle.nullDevice
    case .merged: process.standardError = pipe
    }
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }
}
