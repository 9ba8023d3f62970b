import Foundation
import GRPCCore
import ReformClient
import ReformSecurity
import ReformWire
import Testing

/// A worker credential names the modules it may serve: a worker attaching as any other module
/// is refused and audited, whether it holds a module secret or a certificate principal; the
/// host secret serves only over the coordinator's own Unix socket; `reformd up` needs no step.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct WorkerCredentialTests {
  /// The refused attaches in the audit log, once at least `count` are there.
  private func refusedAttaches(_ cluster: Cluster, atLeast count: Int = 1) async throws -> [AdminAuditEntry] {
    for _ in 0..<150 {
      // The coordinator may still be starting: its socket answers a moment after its token.
      let entries = try? await cluster.withClient { client in
        try await client.call(
          AdminService.QueryAudit.self,
          AdminQueryAuditRequest(method: WorkerHubService.Attach.info.path, actions: [.denied])
        ).entries
      }
      if let entries, entries.count >= count { return entries }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw ClusterError(description: "no refused attach was audited; logs in \(cluster.directory)")
  }

  private func attachedModules(_ cluster: Cluster) async throws -> [String] {
    try await cluster.withClient { client in
      try await client.admin.listWorkers(module: "").workers.filter { $0.state == .attached }.map(\.module).sorted()
    }
  }

  @Test func aWorkerAttachingAsAModuleItsSecretDoesNotNameIsRefusedAndAudited() async throws {
    let cluster = try Cluster()
    let address = "127.0.0.1:\(try FreePort.find())"
    try cluster.startCoordinator(["--listen", address])
    let secretFile = cluster.directory + "/registry-host.secret"
    let made = try ChildProcess.run(
      Cluster.reformd,
      ["secrets", "create", "--data", cluster.directory, "--module", "registry", "--out", secretFile, "--note", "registry host"])
    #expect(made.status == 0, "\(made.output)")
    let listed = try ChildProcess.run(Cluster.reformd, ["secrets", "list", "--data", cluster.directory])
    #expect(listed.output.contains("\tregistry\tregistry host"))
    #expect(!listed.output.contains(try TokenFile.read(from: secretFile)), "the list shows no secret")

    // A host given the registry's secret tries to serve diagnostics, over TCP like a remote host.
    let remote = ["--coordinator", address, "--data", cluster.directory + "/remote", "--secret-file", secretFile]
    let impostor = try cluster.startWorker(module: "diagnostics", extra: remote)
    let refused = try await refusedAttaches(cluster)
    let entry = try #require(refused.first)
    #expect(entry.statusCode == Int32(Status.Code.permissionDenied.rawValue))
    #expect(entry.message.contains("hello.module: 'diagnostics' is refused"), "\(entry.message)")
    #expect(entry.message.contains("may serve registry only"))
    #expect(entry.target == "diagnostics")
    #expect(entry.principal?.id.hasPrefix("ws_") == true, "the audit names the secret by its id")
    #expect(try await attachedModules(cluster).isEmpty)
    #expect(impostor.isRunning, "a refused worker keeps trying, with backoff")

    // The same secret serves the module it names.
    try cluster.startWorker(module: "registry", extra: remote)
    try await cluster.waitForWorkers(1)
    #expect(try await attachedModules(cluster) == ["registry"])

    // Revoked, it admits no new attach.
    let id = try #require(entry.principal?.id)
    #expect(try ChildProcess.run(Cluster.reformd, ["secrets", "revoke", id, "--data", cluster.directory]).status == 0)
    try cluster.startWorker(module: "registry", extra: remote)
    _ = try await refusedAttaches(cluster, atLeast: 2)
  }

  @Test func theHostSecretServesAnyModuleOverTheUnixSocketButNotOverTCP() async throws {
    let cluster = try Cluster()
    let address = "127.0.0.1:\(try FreePort.find())"
    try cluster.startCoordinator(["--listen", address])
    // DATA/worker.secret, which the cluster made as `reformd up` does, dialled over TCP.
    try cluster.startWorker(module: "diagnostics", extra: ["--coordinator", address])
    let entry = try #require(try await refusedAttaches(cluster).first)
    #expect(entry.statusCode == Int32(Status.Code.unauthenticated.rawValue))
    #expect(entry.message.contains("Unix socket only"), "\(entry.message)")
    #expect(entry.peer == "ipv4:127.0.0.1", "refusals are counted by address, without the port")
    #expect(try await attachedModules(cluster).isEmpty)

    try cluster.startWorker(module: "diagnostics")
    try cluster.startWorker(module: "registry")
    try await cluster.waitForWorkers(2)
    #expect(try await attachedModules(cluster) == ["diagnostics", "registry"])
  }

  @Test func aCertificatePrincipalAttachesOnlyAsTheModulesItNames() async throws {
    let cluster = try Cluster()
    let certificates = try TestCertificates(in: cluster.directory + "/certs")
    let address = "127.0.0.1:\(try FreePort.find())"
    try cluster.startCoordinator([
      "--listen", address, "--tls-cert", certificates.serverCertificate, "--tls-key", certificates.serverKey,
      "--client-ca", certificates.caCertificate,
    ])
    let host = try certificates.client("worker-registry-host")
    let fingerprint = try certificates.sha256(of: host.certificate)
    func bind(_ modules: [String]) async throws {
      _ = try await cluster.withClient { client in
        try await client.call(
          AdminService.CreateToken.self,
          AdminCreateTokenRequest(
            idempotencyKey: UUID().uuidString, principal: Principal(displayName: "registry host", roles: [.worker]),
            clientCertificateSha256: fingerprint, workerModules: modules))
      }
    }
    do {
      try await bind(["registri"])
      Issue.record("a worker principal for a module that does not exist was bound")
    } catch let error as ReformError {
      #expect(error.code == .invalidArgument)
      #expect(error.message.contains("worker_modules: 'registri' is not a module"), "\(error.message)")
    }
    try await bind(["registry"])

    // Each worker gets a data folder without the host secret: the certificate must do.
    func startWorker(_ module: String) throws {
      try cluster.startWorker(module: module, extra: [
        "--coordinator", address, "--data", cluster.directory + "/" + module,
        "--tls-ca", certificates.caCertificate, "--tls-cert", host.certificate, "--tls-key", host.key,
      ])
    }
    try startWorker("diagnostics")
    let entry = try #require(try await refusedAttaches(cluster).first)
    #expect(entry.statusCode == Int32(Status.Code.permissionDenied.rawValue))
    #expect(entry.message.contains("hello.module: 'diagnostics' is refused: worker principal"), "\(entry.message)")
    #expect(entry.message.contains("may serve registry only"))
    #expect(try await attachedModules(cluster).isEmpty)

    try startWorker("registry")
    try await cluster.waitForWorkers(1)
    #expect(try await attachedModules(cluster) == ["registry"])
  }

  @Test func upAttachesAWorkerOfEveryModuleWithNoOperatorStep() async throws {
    let up = try UpProcess()
    defer { up.stop() }
    _ = try await up.lines.waitFor(prefix: "ready", count: 1, limit: .seconds(60))
    let token = try TokenFile.read(from: up.directory + "/admin.token")
    let modules = try await ReformClient.connect(to: up.address, token: token) { client in
      try await client.admin.listWorkers(module: "").workers.filter { $0.state == .attached }.map(\.module).sorted()
    }
    #expect(modules == ["classification", "diagnostics", "exchange", "inspection", "registry"])
    #expect(!FileManager.default.fileExists(atPath: up.directory + "/worker-secrets.list"), "no module secret was needed")
  }
}
