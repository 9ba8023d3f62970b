import Foundation
import ReformClient
import ReformSecurity
import ReformWire
import Testing

/// The data folder holds token hashes, the worker secret, the audit log and every module's
/// records: whatever the umask `reformd` is started with, only its own account may read it.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct DataFolderModeTests {
  @Test func aFreshDataFolderIsOwnerOnlyEvenUnderAnOpenUmask() async throws {
    let parent = "/tmp/reform-modes-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: parent) }
    let data = parent + "/data/nested"
    let address = "127.0.0.1:\(try FreePort.find())"

    // `umask 000` is the worst a shell can hand over: without reformd's own, every file it
    // made would be readable and writable by everyone.
    let lines = LineReader()
    let up = Process()
    up.executableURL = URL(fileURLWithPath: "/bin/sh")
    up.arguments = [
      "-c", "umask 000; exec \"$0\" \"$@\"", Cluster.reformd, "up", "--data", data, "--listen", address, "--no-web", "--log-level", "warning",
    ]
    let output = Pipe()
    up.standardOutput = output
    output.fileHandleForReading.readabilityHandler = { handle in lines.append(handle.availableData) }
    try up.run()
    defer { if up.isRunning { kill(up.processIdentifier, SIGKILL) } }
    _ = try await lines.waitFor(prefix: "ready", count: 1, limit: .seconds(60))

    // Calls that write: the coordinator's audit log, a module's store.
    let token = try TokenFile.read(from: data + "/admin.token")
    try await ReformClient.connect(to: address, token: token) { client in
      _ = try await client.call(DiagnosticsService.Tally.self, DiagnosticsTallyRequest(key: "modes"))
      _ = try await client.admin.status()
    }
    let running = try Self.looseModes(under: parent + "/data")
    #expect(running.isEmpty, "readable by others while running:\n\(running.joined(separator: "\n"))")
    let names = try FileManager.default.subpathsOfDirectory(atPath: data)
    for expected in ["coordinator.sqlite", "coordinator.sqlite-wal", "audit.sqlite", "worker.secret", "admin.token"] {
      #expect(names.contains(expected), "\(expected) is missing: \(names)")
    }

    kill(up.processIdentifier, SIGTERM)
    up.waitUntilExit()
    let stopped = try Self.looseModes(under: parent + "/data")
    #expect(stopped.isEmpty, "readable by others after stopping:\n\(stopped.joined(separator: "\n"))")
  }

  /// Every entry under `root`, itself included, whose mode is not the owner-only one: folders
  /// 0700, files 0600; a socket may have no bits for group or others.
  static func looseModes(under root: String) throws -> [String] {
    var loose: [String] = []
    for path in [root] + (try FileManager.default.subpathsOfDirectory(atPath: root)).map({ root + "/" + $0 }) {
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }  // a -wal or -shm that went away meanwhile
      let mode = info.st_mode & 0o7777
      let kind = info.st_mode & S_IFMT
      let acceptable: Bool =
        switch kind {
        case S_IFDIR: mode == 0o700
        case S_IFREG: mode == 0o600
        default: mode & 0o077 == 0
        }
      if !acceptable { loose.append("\(String(mode, radix: 8)) \(path)") }
    }
    return loose
  }
}
