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
    let run = try ChildProcess.run("python3", [script, cluster.address], environment: ["REFORM_TOKEN": try cluster.adminToken])
    let text = run.output

    #expect(run.status == 0, "python client failed:\n\(text)")
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.contains("health SERVING SERVING"), "\(text)")
    #expect(lines.contains("echo diagnostics \(worker.processIdentifier) Nghị quyết 01-NQ/ĐUK — cải cách hành chính"), "\(text)")
    #expect(lines.contains("unknown NOT_FOUND"), "\(text)")
    #expect(lines.contains("tokenless UNAUTHENTICATED"), "\(text)")
  }
}
