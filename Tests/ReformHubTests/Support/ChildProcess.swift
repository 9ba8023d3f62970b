import Foundation

/// A program run to its end, with its standard output and error together.
struct ChildProcess {
  var status: Int32
  var output: String

  /// Runs `executable` (a path, or a name looked up on PATH through `/usr/bin/env`) with
  /// `arguments`, adding `environment` to this process's, and waits for it.
  static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess {
    let process = Process()
    if executable.contains("/") {
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [executable] + arguments
    }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return ChildProcess(status: process.terminationStatus, output: output)
  }
}
