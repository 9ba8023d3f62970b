import Foundation
import ReformClient
import ReformWire
import Testing

/// TLS and mutual TLS on a coordinator's TCP endpoint, with certificates each test makes for
/// itself. The cluster's Unix socket stays plaintext, which is how the tests set things up.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct TLSTests {
  /// A coordinator listening on its Unix socket and, with TLS, on a loopback port.
  private func start(mutual: Bool) throws -> (Cluster, TestCertificates, String) {
    let cluster = try Cluster()
    let certificates = try TestCertificates(in: cluster.directory + "/certs")
    let address = "127.0.0.1:\(try freeLoopbackPort())"
    try cluster.startCoordinator(
      ["--listen", address, "--tls-cert", certificates.serverCertificate, "--tls-key", certificates.serverKey]
        + (mutual ? ["--client-ca", certificates.caCertificate] : []))
    return (cluster, certificates, address)
  }

  /// Waits for the TLS endpoint to answer a health check with this configuration.
  private func waitForTLS(_ address: String, tls: ClientTLS) async throws {
    for _ in 0..<100 {
      if (try? await ReformClient.connect(to: address, tls: tls) { try await $0.health.check() }) != nil { return }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw ClusterError(description: "the TLS endpoint \(address) did not answer")
  }

  /// The code a call through `tls` ends with, or nil when it succeeds. The deadline is long: a
  /// refusal is immediate, and a loaded machine may take seconds over the handshake alone.
  private func failure(_ address: String, token: String?, tls: ClientTLS?) async -> ReformError.Code? {
    await ReformHubTests.failure {
      _ = try await ReformClient.connect(to: address, token: token, tls: tls) { client in
        try await client.admin.listWorkers(timeout: .seconds(30))
      }
    }?.code
  }

  @Test func aClientThatTrustsTheAuthorityIsServedOverTLS() async throws {
    let (cluster, certificates, address) = try start(mutual: false)
    let tls = ClientTLS(trustRootsFile: certificates.caCertificate)
    try await waitForTLS(address, tls: tls)
    #expect(await failure(address, token: try cluster.adminToken, tls: tls) == nil)
  }

  @Test func plaintextToATLSEndpointIsRefused() async throws {
    let (cluster, certificates, address) = try start(mutual: false)
    try await waitForTLS(address, tls: ClientTLS(trustRootsFile: certificates.caCertificate))
    #expect(await failure(address, token: try cluster.adminToken, tls: nil) == .unavailable)
  }

  @Test func aClientThatDoesNotTrustTheServersAuthorityRefusesIt() async throws {
    let (cluster, certificates, address) = try start(mutual: false)
    try await waitForTLS(address, tls: ClientTLS(trustRootsFile: certificates.caCertificate))
    #expect(await failure(address, token: try cluster.adminToken, tls: ClientTLS(trustRootsFile: certificates.strangerCA)) == .unavailable)
  }

  @Test func underMutualTLSAClientWithoutACertificateIsRefused() async throws {
    let (cluster, certificates, address) = try start(mutual: true)
    let good = try certificates.client("operator-desk")
    try await waitForTLS(address, tls: ClientTLS(trustRootsFile: certificates.caCertificate, certificateFile: good.certificate, privateKeyFile: good.key))
    // A valid bearer token does not make up for the missing certificate.
    #expect(await failure(address, token: try cluster.adminToken, tls: ClientTLS(trustRootsFile: certificates.caCertificate)) == .unavailable)
  }

  @Test func underMutualTLSACertificateFromAnotherAuthorityIsRefused() async throws {
    let (cluster, certificates, address) = try start(mutual: true)
    let good = try certificates.client("operator-desk")
    let stranger = try certificates.client("stranger", trusted: false)
    try await waitForTLS(address, tls: ClientTLS(trustRootsFile: certificates.caCertificate, certificateFile: good.certificate, privateKeyFile: good.key))
    let tls = ClientTLS(trustRootsFile: certificates.caCertificate, certificateFile: stranger.certificate, privateKeyFile: stranger.key)
    #expect(await failure(address, token: try cluster.adminToken, tls: tls) == .unavailable)
  }

  @Test func aBoundClientCertificateActsAsItsPrincipalWithoutAToken() async throws {
    let (cluster, certificates, address) = try start(mutual: true)
    let bound = try certificates.client("operator-desk")
    let unbound = try certificates.client("nobody")
    let boundTLS = ClientTLS(trustRootsFile: certificates.caCertificate, certificateFile: bound.certificate, privateKeyFile: bound.key)
    try await waitForTLS(address, tls: boundTLS)

    // Before it is bound, the certificate alone authenticates nobody.
    #expect(await failure(address, token: nil, tls: boundTLS) == .unauthenticated)
    let fingerprint = try certificates.sha256(of: bound.certificate)
    let created = try await cluster.withClient { client in
      try await client.call(
        AdminService.CreateToken.self,
        AdminCreateTokenRequest(
          idempotencyKey: UUID().uuidString,
          principal: Principal(displayName: "Bàn trực vận hành", roles: [.operator]),
          clientCertificateSha256: fingerprint))
    }
    #expect(created.token.isEmpty, "a certificate binding has no secret to show")
    #expect(created.info?.clientCertificateSha256 == fingerprint)

    #expect(await failure(address, token: nil, tls: boundTLS) == nil)
    let unboundTLS = ClientTLS(trustRootsFile: certificates.caCertificate, certificateFile: unbound.certificate, privateKeyFile: unbound.key)
    #expect(await failure(address, token: nil, tls: unboundTLS) == .unauthenticated)

    // Revoking the binding ends it at once.
    _ = try await cluster.withClient { client in
      try await client.call(AdminService.RevokeToken.self, AdminRevokeTokenRequest(tokenId: created.info?.tokenId ?? ""))
    }
    #expect(await failure(address, token: nil, tls: boundTLS) == .unauthenticated)
  }

  @Test func aWorkerAttachesWithACertificateBoundToTheWorkerRoleAndNoSecret() async throws {
    let (cluster, certificates, address) = try start(mutual: true)
    let worker = try certificates.client("worker-registry-1")
    let impostor = try certificates.client("worker-unbound")
    let fingerprint = try certificates.sha256(of: worker.certificate)
    try await cluster.waitForWorkers(0)
    _ = try await cluster.withClient { client in
      try await client.call(
        AdminService.CreateToken.self,
        AdminCreateTokenRequest(
          idempotencyKey: UUID().uuidString,
          principal: Principal(displayName: "worker host 1", roles: [.worker]),
          clientCertificateSha256: fingerprint, workerModules: ["diagnostics"]))
    }
    // Each worker gets a data folder without the worker secret: the certificate must do.
    func startWorker(_ credential: (certificate: String, key: String), data: String) throws {
      try cluster.startWorker(extra: [
        "--coordinator", address, "--data", cluster.directory + "/" + data, "--log-level", "info",
        "--tls-ca", certificates.caCertificate, "--tls-cert", credential.certificate, "--tls-key", credential.key,
      ])
    }
    try startWorker(impostor, data: "impostor")
    try startWorker(worker, data: "worker")
    try await cluster.waitForWorkers(1)
    // The impostor keeps being refused, and says so in its log.
    for _ in 0..<100 where !(try cluster.logs().contains("the coordinator refused this worker")) {
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(try cluster.logs().contains("no client certificate bound to a worker principal"))
    let attached = try await cluster.withClient { try await $0.admin.listWorkers().workers.filter { $0.state == .attached } }
    #expect(attached.count == 1)
  }

  @Test func aCertificateWithoutItsKeyIsRefusedNamingTheOption() async throws {
    do {
      _ = try await ReformClient.connect(to: "127.0.0.1:1", tls: ClientTLS(certificateFile: "/etc/hostname")) { _ in 0 }
      Issue.record("a certificate without a key was accepted")
    } catch let error as ReformError {
      #expect(error.code == .invalidArgument)
      #expect(error.message.contains("--tls-key"))
    }
  }
}
