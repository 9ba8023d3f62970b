import Foundation

/// `reformd up` as an operator runs it, in a fresh data folder, with what it prints read line
/// by line. Stopped (SIGTERM, then reaped) and its folder removed by ``stop()``.
final class UpProcess: @unchecked Sendable {
  let directory: String
  let port: Int
  let process = Process()
  let lines = LineReader()

  /// The TCP address clients use.
  var address: String { "127.0.0.1:\(port)" }

  init(extra: [String] = []) throws {
    directory = "/tmp/reform-up-\(UUID().uuidString.prefix(8))"
    port = try FreePort.find()
    process.executableURL = URL(fileURLWithPath: Cluster.reformd)
    process.arguments = ["up", "--data", directory, "--listen", address, "--log-level", "warning"]
      + (extra.contains("--web-listen") ? [] : ["--no-web"]) + extra
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let lines = self.lines
    output.fileHandleForReading.readabilityHandler = { handle in lines.append(handle.availableData) }
    try process.run()
  }

  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: directory)
  }
}
