import Foundation

/// The processes of this machine, read from `/proc`.
enum ProcessTable {
  /// The pids whose command line holds every one of `arguments`.
  static func pids(commandContaining arguments: [String]) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(Int32.init).filter { pid in
      let line = command(of: pid)
      return arguments.allSatisfy(line.contains)
    }
  }

  /// The arguments a process was started with.
  static func command(of pid: Int32) -> [String] {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
    return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The parent of a process, 0 when unknown.
  static func parent(of pid: Int32) -> Int32 {
    guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return 0 }
    // `pid (comm) state ppid …`: the command may hold spaces, so read after its last `)`.
    let text = String(decoding: stat, as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return 0 }
    let fields = text[text.index(after: close)...].split(separator: " ")
    return fields.count > 1 ? Int32(fields[1]) ?? 0 : 0
  }

  /// The paths of the files a process holds open, past the standard streams it inherited
  /// (sockets and pipes left out).
  static func openFiles(of pid: Int32) -> [String] {
    let folder = "/proc/\(pid)/fd"
    let descriptors = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !["0", "1", "2"].contains($0) }
    return descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0) }
      .filter { $0.hasPrefix("/") }
  }
}

/// Who is at the other end of a process's connections, from `ss` (iproute2): for each
/// established Unix or TCP socket of the process, the process that holds the other end.
enum SocketPeers {
  struct Peer: Sendable {
    let pid: Int32
    let command: String
  }

  private struct Line {
    let unix: Bool
    let local: String
    let peer: String
    let pids: [Int32]
  }

  /// The peers of `pid`'s established connections, leaving out the connections made to it on
  /// `ownPort` (the browsers'). A peer no process of this machine holds is reported as pid 0.
  static func outbound(of pid: Int32, ownPort: Int) throws -> [Peer] {
    let lines = try read()
    var owners: [String: [Int32]] = [:]
    for line in lines { owners[(line.unix ? "u:" : "t:") + line.local, default: []] += line.pids }
    return lines.filter { $0.pids.contains(pid) }.compactMap { line -> Peer? in
      if !line.unix, line.local.hasSuffix(":\(ownPort)") { return nil }
      let owner = (owners[(line.unix ? "u:" : "t:") + line.peer] ?? []).first { $0 != pid } ?? 0
      return Peer(pid: owner, command: ProcessTable.command(of: owner).joined(separator: " "))
    }
  }

  private static func read() throws -> [Line] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["ss", "-H", "-n", "-p", "-x", "-t", "state", "established"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text.split(separator: "\n").compactMap { raw in
      let fields = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      guard let netid = fields.first else { return nil }
      let pids = raw.matches(of: /pid=(\d+)/).compactMap { Int32($0.output.1) }
      if netid.hasPrefix("u_") {
        // u_str  Recv-Q Send-Q  LOCAL-PATH-or-*  INODE  PEER-PATH-or-*  PEER-INODE  users:(…)
        guard fields.count >= 7 else { return nil }
        return Line(unix: true, local: fields[4], peer: fields[6], pids: pids)
      }
      // tcp  Recv-Q Send-Q  LOCAL:PORT  PEER:PORT  users:(…)
      guard fields.count >= 5 else { return nil }
      return Line(unix: false, local: fields[3], peer: fields[4], pids: pids)
    }
  }
}
