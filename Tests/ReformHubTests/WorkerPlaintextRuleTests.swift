import Foundation
import Testing

/// A worker dials its coordinator in plaintext only where the worker secret cannot leave the
/// machine: the host must resolve to loopback, whatever its name looks like.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct WorkerPlaintextRuleTests {
  @Test func aWorkerRefusesPlaintextToANameThatMerelyLooksLikeLoopback() throws {
    let cluster = try Cluster()
    // The last --coordinator wins over the cluster's own socket.
    let worker = try cluster.startWorker(extra: ["--coordinator", "127.evil.example:7420"])
    worker.waitUntilExit()
    #expect(worker.terminationStatus != 0)
    #expect(try cluster.logs().contains("plaintext is allowed to loopback and Unix sockets only"))
  }

  @Test func aWorkerDialsALoopbackNameInPlaintext() async throws {
    let cluster = try Cluster()
    // Over TCP a worker needs a module secret: the host secret serves the Unix socket only.
    let secrets = Process()
    secrets.executableURL = URL(fileURLWithPath: Cluster.reformd)
    secrets.arguments = [
      "secrets", "create", "--data", cluster.directory, "--module", "diagnostics", "--out", cluster.directory + "/diagnostics.secret",
    ]
    try secrets.run()
    secrets.waitUntilExit()
    #expect(secrets.terminationStatus == 0)
    let port = try FreePort.find()
    try cluster.startCoordinator(["--listen", "127.0.0.1:\(port)"])
    try cluster.startWorker(
      extra: ["--coordinator", "localhost:\(port)", "--secret-file", cluster.directory + "/diagnostics.secret"])
    try await cluster.waitForWorkers(1)
  }
}
