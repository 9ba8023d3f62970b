import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ReformWire

/// Echo calls per second and latency at 1, 16 and 64 concurrent calls: (a) a plain
/// grpc-swift-2 server, (b) the same echo through the coordinator to a worker, (c) a Python
/// grpcio server (`Benchmarks/python-echo/echo_server.py`, run with `python`); then the
/// coordinator's resident memory with 1,000 calls in flight. Every Swift process is a release
/// build on this machine; clients speak TCP on loopback, the worker a Unix socket.
enum HubBenchmark {
  static func run(seconds: Double, python: String) async throws {
    let folder = "/tmp/reform-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let own = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let reformd = URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("reformd").path
    let plainPort = 17_400 + Int(getpid() % 500), hubPort = plainPort + 500
    var children: [Process] = []
    defer {
      for child in children { kill(child.processIdentifier, SIGKILL); child.waitUntilExit() }
      try? FileManager.default.removeItem(atPath: folder)
    }
    children.append(try Process.launch(own, ["serve-echo", "\(plainPort)"]))
    let (pythonServer, pythonPort) = try startPythonServer(python)
    children.append(pythonServer)
    children.append(try Process.launch(reformd, ["coordinator", "--listen", "127.0.0.1:\(hubPort)", "--listen", "unix:\(folder)/hub.sock", "--data", folder, "--log-level", "error"]))
    try await Task.sleep(for: .milliseconds(500))
    children.append(try Process.launch(reformd, ["worker", "--module", "diagnostics", "--coordinator", "unix:\(folder)/hub.sock", "--data", folder, "--capacity", "1100", "--log-level", "error"]))
    try await Task.sleep(for: .seconds(2))
    let token = try String(contentsOfFile: folder + "/admin.token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    let metadata: Metadata = ["authorization": "Bearer \(token)"]

    print("reform-bench hub: Diagnostics.Echo with 100 bytes of text, \(seconds) s per figure after a warm-up")
    print("(a) plain grpc-swift-2 server, (b) via coordinator to a worker, (c) Python grpcio server (grpc.aio)")
    print("concurrency | (a) calls/s   p50 ms   p99 ms | (b) calls/s   p50 ms   p99 ms | (c) calls/s   p50 ms   p99 ms |  b/a |  c/a")
    try await withClient(port: plainPort) { plain in
      try await withClient(port: hubPort) { hub in
        try await withClient(port: pythonPort) { grpcio in
          for concurrency in [1, 16, 64] {
            let a = try await load(plain, concurrency: concurrency, seconds: seconds, metadata: metadata)
            let b = try await load(hub, concurrency: concurrency, seconds: seconds, metadata: metadata)
            let c = try await load(grpcio, concurrency: concurrency, seconds: seconds, metadata: metadata)
            let columns = [a, b, c].map { "\(format($0.rate).leftPad(11)) \(ms($0.p50).leftPad(8)) \(ms($0.p99).leftPad(8))" }
            let ratios = [b, c].map { String(format: "%.2f", $0.rate / a.rate).leftPad(4) }
            print("\(String(concurrency).leftPad(11)) | " + columns.joined(separator: " | ") + " | " + ratios.joined(separator: " | "))
          }
        }
        try await memoryWithCallsInFlight(hub, metadata: metadata)
      }
    }
  }

  /// Starts the Python grpcio echo server, which binds a free loopback port and prints it.
  private static func startPythonServer(_ python: String) throws -> (Process, Int) {
    let script = try BenchmarkScript.path("Benchmarks/python-echo/echo_server.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, script]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let more = pipe.fileHandleForReading.availableData
      if more.isEmpty { break }
      line += more
    }
    guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw BenchmarkFailure(description: "\(python) \(script) printed no port (grpcio and grpcio-tools installed?)")
    }
    return (process, port)
  }

  private static func withClient(
    port: Int, _ body: @Sendable (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Void
  ) async throws {
    let transport = try HTTP2ClientTransport.Posix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
    try await withGRPCClient(transport: transport) { client in try await body(client) }
  }

  private static func echo(
    _ client: GRPCClient<HTTP2ClientTransport.Posix>, _ request: DiagnosticsEchoRequest, metadata: Metadata
  ) async throws {
    _ = try await client.unary(
      request: ClientRequest(message: request, metadata: metadata), descriptor: DiagnosticsService.Echo.descriptor,
      serializer: WireSerializer<DiagnosticsEchoRequest>(), deserializer: WireDeserializer<DiagnosticsEchoResponse>(),
      options: .defaults
    ) { try $0.message }
  }

  /// `concurrency` loops of back-to-back calls for `seconds`, after one second of warm-up.
  private static func load(
    _ client: GRPCClient<HTTP2ClientTransport.Posix>, concurrency: Int, seconds: Double, metadata: Metadata
  ) async throws -> (rate: Double, p50: Duration, p99: Duration) {
    let request = DiagnosticsEchoRequest(text: String(repeating: "Lai Châu ", count: 10))
    let clock = ContinuousClock()
    let warmEnd = clock.now + .seconds(1)
    let end = warmEnd + .milliseconds(Int(seconds * 1000))
    let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
      for _ in 0..<concurrency {
        group.addTask {
          var mine: [Duration] = []
          while clock.now < end {
            let start = clock.now
            try await echo(client, request, metadata: metadata)
            if start >= warmEnd { mine.append(clock.now - start) }
          }
          return mine
        }
      }
      var all: [Duration] = []
      for try await part in group { all += part }
      return all.sorted()
    }
    guard !latencies.isEmpty else { return (0, .zero, .zero) }
    return (Double(latencies.count) / seconds, latencies[latencies.count / 2], latencies[min(latencies.count - 1, latencies.count * 99 / 100)])
  }

  /// 1,000 calls of `Diagnostics.Sleep` held in flight; the coordinator reports its own
  /// resident memory through `Admin.Status`.
  private static func memoryWithCallsInFlight(_ client: GRPCClient<HTTP2ClientTransport.Posix>, metadata: Metadata) async throws {
    func status() async throws -> AdminStatusResponse {
      try await client.unary(
        request: ClientRequest(message: AdminStatusRequest(), metadata: metadata), descriptor: AdminService.Status.descriptor,
        serializer: WireSerializer<AdminStatusRequest>(), deserializer: WireDeserializer<AdminStatusResponse>(),
        options: .defaults
      ) { try $0.message }
    }
    let idle = try await status().coordinator?.residentBytes ?? 0
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<1000 {
        group.addTask {
          _ = try await client.unary(
            request: ClientRequest(message: DiagnosticsSleepRequest(durationMs: 4000), metadata: metadata), descriptor: DiagnosticsService.Sleep.descriptor,
            serializer: WireSerializer<DiagnosticsSleepRequest>(), deserializer: WireDeserializer<DiagnosticsSleepResponse>(),
            options: .defaults
          ) { try $0.message }
        }
      }
      try await Task.sleep(for: .seconds(2))
      let busy = try await status()
      let inFlight = busy.modules.first { $0.module == "diagnostics" }?.inFlight ?? 0
      print("coordinator resident memory: \(idle / 1_048_576) MB idle, \((busy.coordinator?.residentBytes ?? 0) / 1_048_576) MB with \(inFlight) calls in flight")
      try await group.waitForAll()
    }
  }

  private static func format(_ value: Double) -> String { String(Int(value.rounded())) }
  private static func ms(_ duration: Duration) -> String {
    String(format: "%.2f", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
  }
}
