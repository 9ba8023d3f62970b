import Foundation

/// Debian's headless Chromium, as the browser tests run it.
enum Chromium {
  /// Runs headless Chromium on a page; returns what it printed and what it logged.
  static func run(_ arguments: [String]) throws -> (printed: String, logged: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"] + arguments
    let output = Pipe(), log = Pipe()
    process.standardOutput = output
    process.standardError = log
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    let logged = log.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: printed, as: UTF8.self), String(decoding: logged, as: UTF8.self))
  }

  /// The lines a page logged to its console: none from a page without script errors.
  static func consoleLines(_ logged: String) -> [Substring] {
    logged.split(separator: "\n").filter { $0.contains(":CONSOLE") }
  }
}
