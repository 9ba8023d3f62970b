import Foundation

/// The modules the `reformd` under test can host, as `reformd worker --help` lists them
/// ("The module to host: diagnostics, registry, …."): a process test that needs a second
/// module starts it, or skips, only when this build has it.
enum HostedModules {
  /// The modules `reformd worker --module` accepts.
  static func list() throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Cluster.reformd)
    process.arguments = ["worker", "--help"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let help = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard let start = help.range(of: "The module to host: "), let end = help[start.upperBound...].firstIndex(of: ".") else {
      return []
    }
    return help[start.upperBound..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
  }
}
