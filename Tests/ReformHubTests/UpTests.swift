import Foundation
import ReformClient
import ReformSecurity
import ReformWire
import Testing

/// `reformd up`: the embedded default, as an operator runs it.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct UpTests {
  @Test func upSaysReadySurvivesAWorkerKillAndLeavesNothingBehind() async throws {
    let directory = "/tmp/reform-up-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let port = try FreePort.find()
    let lines = LineReader()
    let up = Process()
    up.executableURL = URL(fileURLWithPath: Cluster.reformd)
    up.arguments = [
      "up", "--data", directory, "--listen", "127.0.0.1:\(port)", "--web-listen", "127.0.0.1:\(try FreePort.find())",
      "--log-level", "warning",
    ]
    let output = Pipe()
    up.standardOutput = output
    up.standardError = FileHandle.nullDevice
    output.fileHandleForReading.readabilityHandler = { handle in lines.append(handle.availableData) }
    try up.run()
    defer { if up.isRunning { kill(up.processIdentifier, SIGKILL) } }

    let ready = try await lines.waitFor(prefix: "ready", count: 1, limit: .seconds(30))
    #expect(ready.contains("127.0.0.1:\(port)"))
    #expect(ready.contains("unix:\(directory)/reform.sock"))

    let address = "127.0.0.1:\(port)"
    let tokenPath = directory + "/admin.token"
    let mode = try FileManager.default.attributesOfItem(atPath: tokenPath)[.posixPermissions] as? Int
    #expect(mode == 0o600, "admin.token has mode \(String(mode ?? 0, radix: 8))")
    let token = try TokenFile.read(from: tokenPath)
    let (workers, coordinatorPID) = try await ReformClient.connect(to: address, token: token) { client in
      (try await client.admin.listWorkers(module: "").workers, try await client.admin.status().coordinator?.pid ?? 0)
    }
    #expect(workers.map(\.module).sorted() == ["classification", "diagnostics", "exchange", "inspection", "registry"])
    let victim = try #require(workers.first { $0.module == "diagnostics" }).pid
    kill(victim, SIGKILL)

    _ = try await lines.waitFor(prefix: "ready", count: 2, limit: .seconds(30))
    let replacement = try await ReformClient.connect(to: address, token: token) { client in
      try await client.diagnostics.echo(text: "vẫn chạy", payload: []).worker?.pid ?? 0
    }
    #expect(replacement != victim && replacement != 0)

    kill(up.processIdentifier, SIGTERM)
    up.waitUntilExit()
    #expect(up.terminationStatus == 0)
    for pid in [coordinatorPID, replacement] {
      #expect(kill(pid, 0) != 0, "process \(pid) outlived reformd up")
    }
  }
}

/// Lines a child process prints, as they arrive.
final class LineReader: @unchecked Sendable {
  private let lock = NSLock()
  private var buffer = ""
  private var lines: [String] = []

  func append(_ data: Data) {
    lock.withLock {
      buffer += String(decoding: data, as: UTF8.self)
      while let newline = buffer.firstIndex(of: "\n") {
        lines.append(String(buffer[..<newline]))
        buffer = String(buffer[buffer.index(after: newline)...])
      }
    }
  }

  /// Waits for the `count`-th line beginning with `prefix` and returns it.
  func waitFor(prefix: String, count: Int, limit: Duration) async throws -> String {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      let matches = lock.withLock { lines.filter { $0.hasPrefix(prefix) } }
      if matches.count >= count { return matches[count - 1] }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw ClusterError(description: "no \(count). line beginning with '\(prefix)' within \(limit); saw \(lock.withLock { lines })")
  }
}

/// A TCP port on loopback that nothing listens on right now.
enum FreePort {
  static func find() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw ClusterError(description: "no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// The first of `count` consecutive loopback ports that nothing listens on right now.
  static func findRun(of count: Int) throws -> Int {
    for _ in 0..<50 {
      let first = try find()
      if first + count - 1 <= 65_535, (1..<count).allSatisfy({ isFree(first + $0) }) { return first }
    }
    throw ClusterError(description: "no \(count) consecutive free ports")
  }

  private static func isFree(_ port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
  }
}
