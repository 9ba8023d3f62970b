import Foundation

/// A real OTLP/gRPC receiver for a test: `Tests/Interop/otlp_receiver.py` (grpcio) on an
/// ephemeral port of 127.0.0.1, every span it receives kept as a JSON line in a file. Stopped
/// when the value goes away: its standard input closes, then it is killed if still running.
final class OTLPReceiver: @unchecked Sendable {
  /// One span as the receiver printed it.
  struct Span: Decodable, Sendable {
    var service: String?
    var instance: String?
    var trace_id: String
    var span_id: String
    var parent_span_id: String
    var name: String
    var kind: Int
    var attributes: [String: Attribute]
    var status: Int
  }

  /// An attribute's value as JSON has it.
  enum Attribute: Decodable, Sendable, Equatable {
    case text(String), number(Int), flag(Bool)

    init(from decoder: any Decoder) throws {
      let value = try decoder.singleValueContainer()
      if let number = try? value.decode(Int.self) {
        self = .number(number)
      } else if let flag = try? value.decode(Bool.self) {
        self = .flag(flag)
      } else {
        self = .text(try value.decode(String.self))
      }
    }
  }

  let process = Process()
  private let input = Pipe()
  private let outputPath: String
  private(set) var port = 0

  /// The endpoint to pass as `--otlp-endpoint`.
  var endpoint: String { "http://127.0.0.1:\(port)" }

  /// Starts the receiver and waits, up to three minutes, for it to listen: it generates its
  /// stubs with grpcio-tools first, which takes most of a minute on a loaded machine.
  init() async throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Interop/otlp_receiver.py").path
    outputPath = NSTemporaryDirectory() + "reform-otlp-\(UUID().uuidString.prefix(8)).jsonl"
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script]
    process.standardInput = input
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
    try process.run()
    let deadline = ContinuousClock.now + .seconds(180)
    while ContinuousClock.now < deadline, process.isRunning {
      if let line = lines().first(where: { $0.hasPrefix("listening ") }), let port = Int(line.dropFirst("listening ".count)) {
        self.port = port
        return
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw ClusterError(
      description: "the OTLP receiver did not listen within three minutes (running: \(process.isRunning)): \(lines())")
  }

  deinit {
    try? input.fileHandleForWriting.close()
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: outputPath)
  }

  /// The spans received so far.
  func spans() -> [Span] {
    lines().filter { $0.hasPrefix("{") }.compactMap { try? JSONDecoder().decode(Span.self, from: Data($0.utf8)) }
  }

  /// Waits, up to `limit`, until the spans received satisfy `done`, and returns them.
  func waitForSpans(limit: Duration = .seconds(60), until done: ([Span]) -> Bool) async throws -> [Span] {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      let received = spans()
      if done(received) { return received }
      try await Task.sleep(for: .milliseconds(200))
    }
    return spans()
  }

  private func lines() -> [String] {
    ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
  }
}
