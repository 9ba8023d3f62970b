import Foundation
import Testing

/// A gRPC client not written in Swift — Python's grpcio, with stubs grpcio-tools generates
/// from `Protos/` — calls the coordinator. `./Deploy/test` installs grpcio and grpcio-tools.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct InteropTests {
  @Test func pythonGrpcioCallsHealthAndEchoThroughTheCoordinator() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    let worker = try cluster.startWorker()
    try await cluster.waitForWorkers(1)

    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Interop/python_client.py").path
    let output = Pipe()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, cluster.address]
    process.environment = ProcessInfo.processInfo.environment.merging(["REFORM_TOKEN": try cluster.adminToken]) { $1 }
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    #expect(process.terminationStatus == 0, "python client failed:\n\(text)")
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.contains("health SERVING SERVING"), "\(text)")
    #expect(lines.contains("echo diagnostics \(worker.processIdentifier) Nghị quyết 01-NQ/ĐUK — cải cách hành chính"), "\(text)")
    #expect(lines.contains("unknown NOT_FOUND"), "\(text)")
    #expect(lines.contains("tokenless UNAUTHENTICATED"), "\(text)")
  }
}
