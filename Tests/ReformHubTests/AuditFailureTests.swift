import Foundation
import GRPCCore
import ReformClient
import ReformSecurity
import ReformWire
import Testing

/// An audited call never passes unrecorded: while the audit database cannot be written, such
/// calls fail with UNAVAILABLE and give out nothing; once it can, they succeed again.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct AuditFailureTests {
  /// Another process holding the audit database's write lock, as a backup tool or an operator's
  /// `sqlite3` session can: until it lets go, no append can be written.
  final class WriteLock {
    private let process = Process()
    private let input = Pipe()

    init(database: String) throws {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [
        "python3", "-c",
        """
        import sqlite3, sys
        db = sqlite3.connect(sys.argv[1], isolation_level=None)
        db.execute("BEGIN EXCLUSIVE")
        print("locked", flush=True)
        sys.stdin.read()
        db.execute("COMMIT")
        """,
        database,
      ]
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      try process.run()
      let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
      guard line.contains("locked") else { throw ClusterError(description: "the lock was not taken: \(line)") }
    }

    func release() {
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
    }

    deinit {
      if process.isRunning { process.terminate() }
    }
  }

  /// Items a stream delivered.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
  }

  @Test func auditedCallsFailWithUnavailableWhileTheAuditLogCannotBeWrittenAndSucceedOnceItCan() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    try cluster.startWorker(module: "diagnostics")
    try cluster.startWorker(module: "registry")
    try await cluster.waitForWorkers(2)

    try await cluster.withClient { client in
      // A write that carries an idempotency key, an audited read, and an admin write.
      let write = { _ = try await client.call(DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 1)) }
      let read = { _ = try await client.call(RegistryService.ListPeople.self, ListPeopleRequest()) }
      let admin = {
        _ = try await client.call(
          AdminService.CreateToken.self,
          AdminCreateTokenRequest(idempotencyKey: "audit-down", principal: Principal(displayName: "Viewer", roles: [.viewer])))
      }
      // A streamed read: the units as CSV, whose first chunk is the header line.
      let chunks = Counter()
      let export = {
        try await client.stream(RegistryService.ExportCsv.self, RegistryExportCsvRequest(kind: .units)) { _ in chunks.add() }
      }
      #expect(await failure(write) == nil)

      let lock = try WriteLock(database: cluster.directory + "/audit.sqlite")
      let writeFailure = await failure(write)
      #expect(writeFailure?.code == .unavailable)
      #expect(writeFailure?.message.contains("the audit log could not be written") == true, "\(String(describing: writeFailure))")
      #expect(writeFailure?.message.contains("retrying with the same idempotency key is safe") == true)
      let readFailure = await failure(read)
      #expect(readFailure?.code == .unavailable)
      #expect(readFailure?.message.contains("nothing was read out") == true, "\(String(describing: readFailure))")
      #expect(await failure(admin)?.code == .unavailable)
      #expect(await failure(export)?.code == .unavailable)
      #expect(chunks.value == 0, "no item of an audited stream goes out before its entry is written")
      // A call that is not audited goes on as ever.
      #expect(await failure { _ = try await client.diagnostics.echo(text: "not audited", payload: []) } == nil)

      lock.release()
      // The token made while its creation could not be audited was revoked: nobody holds its
      // secret, and it opens nothing.
      let live = try await client.call(AdminService.ListTokens.self, AdminListTokensRequest()).tokens
      #expect(!live.contains { $0.principal?.displayName == "Viewer" }, "\(live.map { $0.principal?.displayName ?? "" })")
      #expect(await failure(write) == nil)
      #expect(await failure(read) == nil)
      #expect(await failure(admin) == nil)
      #expect(await failure(export) == nil)
      #expect(chunks.value > 0)
      let recorded = try await client.call(
        AdminService.QueryAudit.self, AdminQueryAuditRequest(method: RegistryService.ListPeople.info.path, outcome: .succeeded)
      ).entries
      #expect(recorded.count == 1, "the read that succeeded is the one recorded")
    }
  }
}
