import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ReformClient
import ReformSecurity
import ReformWire
import Testing

/// Who may call what, enforced by the coordinator on every method of every service. The
/// table of cases is made from `AccessPolicy.reform` and `WireCatalogue`, so a method added
/// to the schema is called here too.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct AuthorizationTests {
  /// One way of presenting (or not presenting) credentials, and the principal behind it.
  struct Credential: Sendable {
    var name: String
    var header: String?
    var principal: Principal?
  }

  /// Every module this build hosts: each must answer its own methods.
  static let modules = ["diagnostics", "registry", "classification", "exchange", "inspection"]
  /// The unit a request names when its method is granted to clerks for their own unit.
  static let requestedUnit = "CB1"

  @Test func everyMethodAnswersExactlyAsThePolicySays() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator(["--attach-wait-ms", "2000"])
    for module in Self.modules { try cluster.startWorker(module: module) }
    try await cluster.waitForWorkers(Self.modules.count)
    let credentials = try await makeCredentials(cluster)
    let methods = WireCatalogue.services.flatMap(\.methods).filter { !$0.clientStreaming }
    #expect(
      methods.count == WireCatalogue.services.flatMap(\.methods).count - 3,
      "only WorkerHub.Attach and server reflection (v1, v1alpha) stream both ways")
    let unitScoped = methods.filter { method in
      AccessPolicy.reform.rule(for: method.path)?.grants.contains(.clerkOwnUnit) == true
        && UnitFieldRequest.make(for: method, unit: Self.requestedUnit) != nil
    }
    #expect(unitScoped.count >= 10, "own-unit methods whose request names a unit: \(unitScoped.map(\.path))")

    let transport = try HTTP2ClientTransport.Posix(target: .unixDomainSocket(path: cluster.socket), transportSecurity: .plaintext)
    let mismatches = try await withGRPCClient(transport: transport) { client in
      try await withThrowingTaskGroup(of: String?.self) { group in
        var started = 0
        var mismatches: [String] = []
        for method in methods {
          for credential in credentials {
            group.addTask {
              // A method that names the unit it acts for is called for CB1: its own unit to
              // the clerk of CB1, another unit to the clerk of CB2.
              let request = UnitFieldRequest.make(for: method, unit: Self.requestedUnit)
              let code = await Self.call(client, method, request: request?.bytes ?? [], header: credential.header)
              var expected = AccessPolicy.reform.decide(method: method.path, principal: credential.principal)
              if case .allow(let ownUnit?) = expected, let request, ownUnit != Self.requestedUnit {
                expected = .permissionDenied("\(request.field) names \(Self.requestedUnit), outside the clerk's unit \(ownUnit)")
              }
              let ok: Bool
              switch expected {
              case .allow: ok = code != .unauthenticated && code != .permissionDenied
              case .unauthenticated: ok = code == .unauthenticated
              case .permissionDenied: ok = code == .permissionDenied
              }
              return ok ? nil : "\(method.path) with \(credential.name): got \(code.map { "\($0)" } ?? "OK"), policy says \(expected)"
            }
            started += 1
            // At most 64 calls at a time.
            if started >= 64, let answer = try await group.next(), let mismatch = answer { mismatches.append(mismatch) }
          }
        }
        for try await mismatch in group { if let mismatch { mismatches.append(mismatch) } }
        return mismatches
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g.:\n\(mismatches.prefix(10).joined(separator: "\n"))")
  }

  /// No token, a malformed, an unknown, an expired and a revoked one; then one principal per
  /// role, the clerk for a unit.
  private func makeCredentials(_ cluster: Cluster) async throws -> [Credential] {
    try await cluster.withClient { client in
      func create(_ principal: Principal, expires: Timestamp? = nil) async throws -> (String, AdminTokenInfo) {
        let response = try await client.call(
          AdminService.CreateToken.self,
          AdminCreateTokenRequest(idempotencyKey: UUID().uuidString, principal: principal, expiresAt: expires))
        return (response.token, response.info!)
      }
      let viewer = Principal(id: "p-viewer", displayName: "Người xem", unitCode: "DUK", roles: [.viewer])
      // Expires a few seconds from now, long enough to be created on a loaded machine; the
      // wait below outlasts it.
      let expiry = Date().addingTimeInterval(20)
      let (expired, _) = try await create(viewer, expires: Timestamp(expiry))
      let (revoked, revokedInfo) = try await create(viewer)
      _ = try await client.call(AdminService.RevokeToken.self, AdminRevokeTokenRequest(tokenId: revokedInfo.tokenId))
      var credentials = [
        Credential(name: "no token", header: nil, principal: nil),
        Credential(name: "a malformed token", header: "Bearer not-a-token", principal: nil),
        Credential(name: "an unknown token", header: "Bearer \(TokenSecret.generate().plaintext)", principal: nil),
        Credential(name: "an expired token", header: "Bearer \(expired)", principal: nil),
        Credential(name: "a revoked token", header: "Bearer \(revoked)", principal: nil),
        Credential(name: "a scheme other than Bearer", header: "Basic YWRtaW46YWRtaW4=", principal: nil),
      ]
      let people: [(String, Principal)] = [
        ("admin", Principal(id: "p-admin", displayName: "Quản trị", roles: [.admin])),
        ("operator", Principal(id: "p-operator", displayName: "Vận hành", roles: [.operator])),
        ("clerk of CB1", Principal(id: "p-clerk", displayName: "Văn thư", unitCode: "CB1", roles: [.clerk])),
        ("clerk of CB2, the right role for another unit", Principal(id: "p-clerk-2", displayName: "Văn thư 2", unitCode: "CB2", roles: [.clerk])),
        ("inspector", Principal(id: "p-inspector", displayName: "Kiểm tra viên", roles: [.inspector])),
        ("viewer", viewer),
      ]
      for (name, principal) in people {
        let (token, _) = try await create(principal)
        credentials.append(Credential(name: name, header: "Bearer \(token)", principal: principal))
      }
      // The expiring token's time passes.
      let wait = expiry.timeIntervalSinceNow + 0.2
      if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
      return credentials
    }
  }

  /// Calls a method with `request`'s bytes; returns its status code, nil for OK.
  private static func call(
    _ client: GRPCClient<HTTP2ClientTransport.Posix>, _ method: WireMethodInfo, request: [UInt8], header: String?
  ) async -> RPCError.Code? {
    var metadata: Metadata = [:]
    if let header { metadata.addString(header, forKey: "authorization") }
    var options = CallOptions.defaults
    options.timeout = .seconds(20)
    do {
      if method.serverStreaming {
        try await client.serverStreaming(
          request: ClientRequest(message: request, metadata: metadata), descriptor: method.descriptor,
          serializer: Raw(), deserializer: Raw(), options: options
        ) { response in
          for try await _ in response.messages { break }
        }
      } else {
        _ = try await client.unary(
          request: ClientRequest(message: request, metadata: metadata), descriptor: method.descriptor,
          serializer: Raw(), deserializer: Raw(), options: options
        ) { try $0.message }
      }
      return nil
    } catch let error as RPCError {
      return error.code
    } catch {
      return .unknown
    }
  }

  @Test func aWorkerWithoutTheSecretIsRefused() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    try TokenFile.write("rf_wrong", to: cluster.directory + "/wrong.secret")
    let impostor = try cluster.startWorker(extra: ["--secret-file", cluster.directory + "/wrong.secret"])
    try await Task.sleep(for: .seconds(2))
    let workers = try await cluster.withClient { client in try await client.admin.listWorkers(module: "").workers }
    #expect(workers.isEmpty)
    #expect(impostor.isRunning, "a refused worker keeps trying, with backoff")
    try cluster.startWorker()
    try await cluster.waitForWorkers(1)
  }

  @Test func noTokenEverReachesALog() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator(["--log-level", "trace"])
    try cluster.startWorker(extra: ["--log-level", "trace"])
    try await cluster.waitForWorkers(1)
    let secrets = try await cluster.withClient { client in
      let created = try await client.call(
        AdminService.CreateToken.self,
        AdminCreateTokenRequest(idempotencyKey: "log-check", principal: Principal(id: "p", displayName: "P", roles: [.viewer])))
      _ = try await client.diagnostics.echo(text: "with the admin token", payload: [])
      return [created.token, try cluster.adminToken, try TokenFile.read(from: cluster.directory + "/worker.secret")]
    }
    for secret in [secrets[0], TokenSecret.generate().plaintext] {
      _ = try? await ReformClient.connect(to: cluster.address, token: secret) { client in
        try await client.diagnostics.echo(text: "with another token", payload: [])
      }
    }
    let logs = try cluster.logs()
    #expect(!logs.isEmpty)
    for secret in secrets {
      #expect(!logs.contains(secret), "a secret appears in the logs")
    }
  }
}

/// Request and response bytes as they are, to call any method without its types.
struct Raw: MessageSerializer, MessageDeserializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }
  func deserialize<Bytes: GRPCContiguousBytes>(_ bytes: Bytes) throws -> [UInt8] { bytes.withUnsafeBytes { Array($0) } }
}

/// The audit log, as the coordinator writes it.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct AuditTests {
  @Test func writesReadsOfRecordsAndRefusalsAreAuditedAndReadsAreNot() async throws {
    let cluster = try await Cluster.withOneWorker()
    let viewerToken = try await cluster.withClient { client in
      _ = try await client.call(DiagnosticsService.Tally.self, DiagnosticsTallyRequest(key: "audited"))
      _ = try await client.diagnostics.echo(text: "a read that is not audited", payload: [])
      return try await client.call(
        AdminService.CreateToken.self,
        AdminCreateTokenRequest(
          idempotencyKey: "viewer", principal: Principal(id: "p-viewer", displayName: "Người xem", unitCode: "DUK", roles: [.viewer]))
      ).token
    }
    try await ReformClient.connect(to: cluster.address, token: viewerToken) { viewer in
      await #expect(throws: ReformError.self) {
        _ = try await viewer.call(DiagnosticsService.Tally.self, DiagnosticsTallyRequest(key: "not allowed"))
      }
      await #expect(throws: ReformError.self) {
        _ = try await viewer.call(AdminService.QueryAudit.self, AdminQueryAuditRequest())
      }
    }
    let entries = try await cluster.withClient { client in
      try await client.call(AdminService.QueryAudit.self, AdminQueryAuditRequest()).entries
    }
    let summary = entries.map { "\($0.action) \($0.method) \($0.principal?.id ?? "-") \($0.statusCode)" }
    #expect(entries.map(\.sequence) == Array(1...Int64(entries.count)), "gapless, oldest first")
    #expect(summary.contains("ADMIN_AUDIT_ACTION_WRITE /reform.v1.Diagnostics/Tally admin 0"), "\(summary)")
    #expect(
      entries.first { $0.method == DiagnosticsService.Tally.info.path && $0.statusCode == 0 }?.target == "tally audited",
      "the module names what the call acted on")
    #expect(summary.contains("ADMIN_AUDIT_ACTION_WRITE /reform.v1.Admin/CreateToken admin 0"), "\(summary)")
    #expect(summary.contains("ADMIN_AUDIT_ACTION_DENIED /reform.v1.Diagnostics/Tally p-viewer 7"), "\(summary)")
    #expect(summary.contains("ADMIN_AUDIT_ACTION_DENIED /reform.v1.Admin/QueryAudit p-viewer 7"), "\(summary)")
    #expect(!entries.contains { $0.method == DiagnosticsService.Echo.info.path }, "a plain read is not audited")
    #expect(entries.allSatisfy { !$0.peer.isEmpty && $0.time != nil })
  }
}

/// Per-token rate limits and the largest request: each refusal says which limit.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct LimitTests {
  @Test func aTokenOverItsRateGetsResourceExhaustedNamingTheLimit() async throws {
    let cluster = try await Cluster.withOneWorker(coordinator: ["--rate-limit", "1", "--rate-burst", "5"])
    try await Task.sleep(for: .seconds(5))  // the polls above drew on the bucket; let it refill
    // Eight calls at once: they reach the gatekeeper within far less than the second one
    // token takes to refill, however slow each call is on a loaded machine.
    let outcomes = try await cluster.withClient { client in
      try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<8 {
          group.addTask {
            do {
              _ = try await client.diagnostics.echo(text: "again", payload: [])
              return "OK"
            } catch let error as ReformError {
              return "\(error.code): \(error.message)"
            } catch {
              return "\(error)"
            }
          }
        }
        return try await group.reduce(into: [String]()) { $0.append($1) }
      }
    }
    #expect(outcomes.filter { $0 == "OK" }.count >= 5, "the burst of five passes: \(outcomes)")
    #expect(outcomes.contains { $0.hasPrefix("RESOURCE_EXHAUSTED: rate limit: token tok_") }, "\(outcomes)")
  }

  @Test func aRequestOverTheSizeLimitGetsResourceExhaustedNamingTheLimit() async throws {
    let cluster = try await Cluster.withOneWorker(coordinator: ["--max-request-bytes", "1024"])
    try await cluster.withClient { client in
      _ = try await client.diagnostics.echo(text: "small", payload: [UInt8](repeating: 1, count: 100))
      do {
        _ = try await client.diagnostics.echo(text: "large", payload: [UInt8](repeating: 1, count: 4096))
        Issue.record("expected RESOURCE_EXHAUSTED")
      } catch let error as ReformError {
        #expect(error.code == .resourceExhausted)
        let size = try DiagnosticsEchoRequest(payload: [UInt8](repeating: 1, count: 4096), text: "large").wireBytes().count
        #expect(error.message == "request too large: \(size) bytes, over the limit of 1024 bytes (--max-request-bytes)")
      }
    }
  }
}

/// Plaintext is for loopback and Unix sockets; anywhere else the operator must say so.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct PlaintextTests {
  /// Runs reformd to its end (or for `seconds`), returning its status and what it printed.
  private func run(_ arguments: [String], for seconds: Double? = nil) throws -> (Int32, String, Bool) {
    let directory = "/tmp/reform-plain-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Cluster.reformd)
    process.arguments = arguments + ["--data", directory]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    var stillRunning = false
    if let seconds {
      Thread.sleep(forTimeInterval: seconds)
      stillRunning = process.isRunning
      if stillRunning { kill(process.processIdentifier, SIGTERM) }
    }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text, stillRunning)
  }

  @Test func aCoordinatorRefusesPlaintextOffLoopbackWithoutInsecure() throws {
    let (status, text, _) = try run(["coordinator", "--listen", "0.0.0.0:0"])
    #expect(status != 0)
    #expect(text.contains("--listen 0.0.0.0:0: plaintext is allowed on loopback and Unix sockets only; give --tls-cert and --tls-key, or pass --insecure"), "\(text)")
  }

  @Test func withInsecureItServesAndWarns() throws {
    let (_, text, stillRunning) = try run(["coordinator", "--listen", "0.0.0.0:0", "--insecure"], for: 2)
    #expect(stillRunning, "\(text)")
    #expect(text.contains("serving plaintext on a non-loopback address because of --insecure"), "\(text)")
  }

  @Test func aWorkerRefusesToDialPlaintextOffLoopbackWithoutInsecure() throws {
    let (status, text, _) = try run(["worker", "--module", "diagnostics", "--coordinator", "0.0.0.0:7420"])
    #expect(status != 0)
    #expect(text.contains("--coordinator 0.0.0.0:7420: plaintext is allowed to loopback and Unix sockets only"), "\(text)")
  }
}
