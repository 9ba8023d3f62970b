import Foundation

/// The repository the tests run in, and the command-line tools they compare against.
enum Repository {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// Every `.proto` file under `Protos/`, relative to it, sorted as `Protos/generate` sorts them.
  static var protoFiles: [String] {
    let base = path("Protos")
    let all = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
    return all.filter { $0.hasSuffix(".proto") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  /// The `.proto` files the coordinator serves, as server reflection describes them: all but
  /// OpenTelemetry's, whose service a process calls and never serves.
  static var servedProtoFiles: [String] { protoFiles.filter { !$0.hasPrefix("opentelemetry/") } }

  /// Every file under a folder, relative to it.
  static func files(under relative: String) -> [String] {
    let all = FileManager.default.enumerator(atPath: path(relative))?.compactMap { $0 as? String } ?? []
    return all.filter { !isDirectory(path(relative) + "/" + $0) }.sorted()
  }

  private static func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
  }
}

/// Runs a tool to completion; input and output go through files, so no pipe can fill up.
struct Tool {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  var executable: String
  var directory: String = Repository.path("Protos")

  @discardableResult
  func run(_ arguments: [String], input: [UInt8] = []) throws -> [UInt8] {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reform-tool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inURL = scratch.appendingPathComponent("in"), outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    try Data(input).write(to: inURL)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
      throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(message)")
    }
    return try [UInt8](Data(contentsOf: outURL))
  }

  static let protoc = Tool(executable: "protoc")
  static let protocC = Tool(executable: "protoc-c")
}
