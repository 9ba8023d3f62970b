import Foundation
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

@testable import ReformSecurity

/// A fixed instant, so expiry and last use are pinned without sleeping.
private let now = Date(timeIntervalSince1970: 1_780_000_000)

private func request(
  key: String = UUID().uuidString,
  name: String = "Nguyễn Văn A",
  unit: String = "LC01",
  roles: [Role] = [.clerk],
  expiresAt: Date? = nil,
  note: String = ""
) -> AdminCreateTokenRequest {
  AdminCreateTokenRequest(
    idempotencyKey: key,
    principal: Principal(displayName: name, unitCode: unit, roles: roles),
    expiresAt: expiresAt.map(Timestamp.init),
    note: note)
}

/// A principal bound to a client certificate by its SHA-256.
private func certificateRequest(
  _ fingerprint: String, roles: [Role] = [.worker], modules: [String] = ["exchange"]
) -> AdminCreateTokenRequest {
  var create = request(unit: "", roles: roles)
  create.clientCertificateSha256 = fingerprint
  create.workerModules = modules
  return create
}

/// Runs `body` with a store in a new temporary file (or, on a PostgreSQL run, a new schema),
/// and where it is.
@discardableResult
private func withStore<T>(_ body: (TokenStore, StoreLocation) async throws -> T) async throws -> T {
  try await withTemporaryDirectory { directory throws in
    let location = TestStore.fresh(module: "security", sqlitePath: directory + "/tokens.sqlite")
    return try await body(try TokenStore(store: location), location)
  }
}

@Suite("Token store")
struct TokenStoreTests {
  @Test func aCreatedTokenAuthenticatesAsItsPrincipal() async throws {
    try await withStore { store, _ throws in
      let created = try await store.create(
        request(roles: [.clerk, .viewer], note: "văn thư"), createdBy: "pr_admin", now: now)
      #expect(!created.replayed)
      let info = try #require(created.info)
      let principal = try #require(info.principal)
      #expect(principal.id.hasPrefix("pr_"))
      #expect(principal.roles == [.clerk, .viewer])
      #expect(info.createdBy == "pr_admin")
      #expect(info.createdAt == Timestamp(now))
      #expect(info.note == "văn thư")

      let result = try await store.authenticate(secret: created.token, now: now)
      #expect(result == .ok(principal, tokenId: info.tokenId))
    }
  }

  @Test func aTokenFoundLiveIsKnownFromMemoryLongAfterUntilItIsRevokedOrExpires() async throws {
    try await withStore { store, _ throws in
      let lasting = try await store.create(request(), createdBy: "pr_admin", now: now)
      let expiring = try await store.create(request(expiresAt: now.addingTimeInterval(3600)), createdBy: "pr_admin", now: now)
      let unread = try await store.create(request(), createdBy: "pr_admin", now: now)
      #expect(!store.hasAuthenticated(secret: lasting.token, now: now), "not yet found live")
      _ = try await store.authenticate(secret: lasting.token, now: now)
      _ = try await store.authenticate(secret: expiring.token, now: now)
      // Far past the minute after which a call reads the file again.
      let later = now.addingTimeInterval(10 * TokenStore.lastUseResolution)
      #expect(store.hasAuthenticated(secret: lasting.token, now: later))
      #expect(store.hasAuthenticated(secret: expiring.token, now: later))
      #expect(!store.hasAuthenticated(secret: expiring.token, now: now.addingTimeInterval(3600)), "expired")
      #expect(!store.hasAuthenticated(secret: unread.token, now: later), "a token never found live")
      #expect(!store.hasAuthenticated(secret: "Bearer nonsense", now: later))
      _ = try await store.revoke(tokenId: try #require(lasting.info).tokenId, revokedBy: "pr_admin", now: later)
      #expect(!store.hasAuthenticated(secret: lasting.token, now: later), "revoked")
    }
  }

  @Test func aCertificateBindingAuthenticatesByTheCertificatesDigestAndHasNoSecret() async throws {
    try await withStore { store, _ throws in
      let digest = [UInt8](repeating: 0xAB, count: 32)
      let created = try await store.create(certificateRequest(String(repeating: "AB", count: 32)), createdBy: "pr_admin", now: now)
      #expect(created.token.isEmpty)
      let info = try #require(created.info)
      #expect(info.clientCertificateSha256 == String(repeating: "ab", count: 32))
      let principal = try #require(info.principal)
      #expect(try await store.authenticate(certificateSHA256: digest, now: now) == .ok(principal, tokenId: info.tokenId))
      #expect(try await store.authenticate(certificateSHA256: [UInt8](repeating: 0xAC, count: 32), now: now) == .unknown)

      _ = try await store.revoke(tokenId: info.tokenId, revokedBy: "pr_admin", now: now)
      #expect(try await store.authenticate(certificateSHA256: digest, now: now) == .revoked(tokenId: info.tokenId))
    }
  }

  @Test func aGivenPrincipalIdIsKept() async throws {
    try await withStore { store, _ throws in
      var create = request()
      create.principal?.id = "person-42"
      let created = try await store.create(create, createdBy: "pr_admin", now: now)
      #expect(created.info?.principal?.id == "person-42")
    }
  }

  @Test func aSecretOfTheWrongShapeIsMalformed() async throws {
    try await withStore { store, _ throws in
      #expect(try await store.authenticate(secret: "hunter2", now: now) == .malformed)
      #expect(try await store.authenticate(secret: "", now: now) == .malformed)
    }
  }

  @Test func aWellFormedSecretNobodyIssuedIsUnknown() async throws {
    try await withStore { store, _ throws in
      _ = try await store.create(request(), createdBy: "pr_admin", now: now)
      let stranger = TokenSecret.generate().plaintext
      #expect(try await store.authenticate(secret: stranger, now: now) == .unknown)
    }
  }

  @Test func aTokenPastItsExpiryIsExpired() async throws {
    try await withStore { store, _ throws in
      let created = try await store.create(
        request(expiresAt: now.addingTimeInterval(3600)), createdBy: "pr_admin", now: now)
      let id = try #require(created.info?.tokenId)
      #expect(try await store.authenticate(secret: created.token, now: now.addingTimeInterval(3599)).principal != nil)
      #expect(try await store.authenticate(secret: created.token, now: now.addingTimeInterval(3600)) == .expired(tokenId: id))
    }
  }

  @Test func aRevokedTokenIsRevokedAndRevokingTwiceChangesNothing() async throws {
    try await withStore { store, _ throws in
      let created = try await store.create(request(), createdBy: "pr_admin", now: now)
      let id = try #require(created.info?.tokenId)
      let revoked = try await store.revoke(tokenId: id, revokedBy: "pr_admin", reason: "left", now: now.addingTimeInterval(10))
      #expect(revoked.revoked)
      #expect(revoked.revokedAt == Timestamp(now.addingTimeInterval(10)))
      #expect(revoked.revokedBy == "pr_admin")
      #expect(try await store.authenticate(secret: created.token, now: now.addingTimeInterval(20)) == .revoked(tokenId: id))

      let again = try await store.revoke(tokenId: id, revokedBy: "pr_other", now: now.addingTimeInterval(30))
      #expect(again == revoked)
    }
  }

  @Test func aTokenInUseStopsWorkingTheMomentItIsRevoked() async throws {
    try await withStore { store, _ throws in
      let created = try await store.create(request(), createdBy: "pr_admin", now: now)
      let id = try #require(created.info?.tokenId)
      // Recently authenticated tokens are answered from memory; a revocation must reach them.
      #expect(try await store.authenticate(secret: created.token, now: now.addingTimeInterval(1)).principal != nil)
      #expect(try await store.authenticate(secret: created.token, now: now.addingTimeInterval(2)).principal != nil)
      _ = try await store.revoke(tokenId: id, revokedBy: "pr_admin", now: now.addingTimeInterval(3))
      #expect(try await store.authenticate(secret: created.token, now: now.addingTimeInterval(4)) == .revoked(tokenId: id))
    }
  }

  @Test func revokingAnUnknownTokenIsNotFound() async throws {
    try await withStore { store, _ throws in
      await #expect(throws: SecurityStoreError(.notFound, "token_id: no token tok_nope")) {
        try await store.revoke(tokenId: "tok_nope", revokedBy: "pr_admin", now: now)
      }
      await #expect(throws: SecurityStoreError(.invalidArgument, "token_id: required")) {
        try await store.revoke(tokenId: "", revokedBy: "pr_admin", now: now)
      }
    }
  }

  @Test func aRepeatWithTheSameKeyReturnsTheSameTokenWithoutItsSecret() async throws {
    try await withStore { store, _ throws in
      let first = try await store.create(request(key: "k-1"), createdBy: "pr_admin", now: now)
      let repeated = try await store.create(request(key: "k-1"), createdBy: "pr_admin", now: now.addingTimeInterval(5))
      #expect(repeated.replayed)
      #expect(repeated.token == "")
      #expect(repeated.info == first.info)
      #expect(try await store.list(AdminListTokensRequest(), now: now).count == 1)
    }
  }

  @Test func theSameKeyForADifferentRequestIsRefused() async throws {
    try await withStore { store, _ throws in
      let first = try await store.create(request(key: "k-1"), createdBy: "pr_admin", now: now)
      let id = try #require(first.info?.tokenId)
      await #expect(
        throws: SecurityStoreError(.conflict, "idempotency_key: already used by token \(id) for a different request")
      ) {
        try await store.create(request(key: "k-1", roles: [.admin]), createdBy: "pr_admin", now: now)
      }
    }
  }

  @Test(arguments: [
    (request(roles: []), "principal.roles: at least one role is required"),
    (request(roles: [.unspecified]), "principal.roles: ROLE_UNSPECIFIED is not a role; use admin, operator, clerk, inspector, viewer, worker, service"),
    (request(unit: "", roles: [.clerk]), "principal.unit_code: required for a clerk, who acts only for their own unit"),
    (request(name: "  "), "principal.display_name: required, so that people can tell who acted"),
    (request(expiresAt: now), "expires_at: must be in the future"),
    (request(expiresAt: now.addingTimeInterval(-1)), "expires_at: must be in the future"),
    // An expiry at the largest instant the wire carries once trapped the coordinator.
    (request(expiresAt: Date(timeIntervalSince1970: 9.3e18)),
     "expires_at: at most 100 years from now; leave it empty for a token that does not expire"),
    (request(key: ""), "idempotency_key: required, so that a repeated call creates nothing"),
    (AdminCreateTokenRequest(idempotencyKey: "k"), "principal: required: a token names the principal it acts as"),
    (request(unit: "", roles: [.worker]), "principal.roles: worker is for principals bound to a client certificate; set client_certificate_sha256"),
    (certificateRequest("ab:cd"), "client_certificate_sha256: 64 hex digits: the SHA-256 of the certificate's DER encoding"),
    (certificateRequest(String(repeating: "ab", count: 32), modules: []),
     "worker_modules: required with the worker role: the modules this worker may attach as"),
    (certificateRequest(String(repeating: "ab", count: 32), modules: ["Exchange"]),
     "worker_modules: 'Exchange' is not a module name: lowercase letters, digits and -, at most 64"),
    (certificateRequest(String(repeating: "ab", count: 32), roles: [.viewer]),
     "worker_modules: only a principal with the worker role serves modules"),
  ])
  func anInvalidRequestIsRefusedNamingTheField(create: AdminCreateTokenRequest, message: String) async throws {
    try await withStore { store, _ throws in
      await #expect(throws: SecurityStoreError(.invalidArgument, message)) {
        try await store.create(create, createdBy: "pr_admin", now: now)
      }
    }
  }

  @Test func listingFiltersByUnitAndLeavesOutRevokedAndExpiredUnlessAsked() async throws {
    try await withStore { store, _ throws in
      let live = try await store.create(request(unit: "LC01"), createdBy: "pr_admin", now: now)
      let other = try await store.create(request(unit: "LC02"), createdBy: "pr_admin", now: now.addingTimeInterval(1))
      let revoked = try await store.create(request(unit: "LC01"), createdBy: "pr_admin", now: now.addingTimeInterval(2))
      let expiring = try await store.create(
        request(unit: "LC01", expiresAt: now.addingTimeInterval(60)), createdBy: "pr_admin", now: now.addingTimeInterval(3))
      _ = try await store.revoke(tokenId: revoked.info!.tokenId, revokedBy: "pr_admin", now: now.addingTimeInterval(4))
      let later = now.addingTimeInterval(120)

      func ids(_ filter: AdminListTokensRequest) async throws -> [String] {
        try await store.list(filter, now: later).map(\.tokenId)
      }
      let id = { (response: AdminCreateTokenResponse) in response.info!.tokenId }

      // Newest first.
      #expect(try await ids(AdminListTokensRequest()) == [id(other), id(live)])
      #expect(try await ids(AdminListTokensRequest(unitCode: "LC01")) == [id(live)])
      #expect(try await ids(AdminListTokensRequest(unitCode: "LC01", includeRevoked: true)) == [id(revoked), id(live)])
      #expect(try await ids(AdminListTokensRequest(unitCode: "LC01", includeExpired: true)) == [id(expiring), id(live)])
      #expect(
        try await ids(AdminListTokensRequest(unitCode: "LC01", includeRevoked: true, includeExpired: true))
          == [id(expiring), id(revoked), id(live)])
      #expect(try await store.list(AdminListTokensRequest(), now: later).allSatisfy { !$0.revoked })
    }
  }

  @Test func lastUseIsRecordedAtMostOncePerMinute() async throws {
    try await withStore { store, _ throws in
      let created = try await store.create(request(unit: "LC01"), createdBy: "pr_admin", now: now)
      func lastUsed() async throws -> Timestamp? {
        try await store.list(AdminListTokensRequest(), now: now).first?.lastUsedAt
      }
      #expect(try await lastUsed() == nil)
      _ = try await store.authenticate(secret: created.token, now: now.addingTimeInterval(1))
      #expect(try await lastUsed() == Timestamp(now.addingTimeInterval(1)))
      _ = try await store.authenticate(secret: created.token, now: now.addingTimeInterval(59))
      #expect(try await lastUsed() == Timestamp(now.addingTimeInterval(1)))
      _ = try await store.authenticate(secret: created.token, now: now.addingTimeInterval(61))
      #expect(try await lastUsed() == Timestamp(now.addingTimeInterval(61)))
    }
  }

  @Test func aReopenedStoreKeepsItsTokens() async throws {
    try await withStore { store, location throws in
      let created = try await store.create(request(), createdBy: "pr_admin", now: now)
      let reopened = try TokenStore(store: location)
      #expect(try await reopened.authenticate(secret: created.token, now: now).principal == created.info?.principal)
    }
  }

  @Test func theSecretIsNowhereInTheDatabaseFilesOnlyItsHash() async throws {
    try await withTemporaryDirectory { directory throws in
      let path = directory + "/tokens.sqlite"
      let store = try TokenStore(path: path)
      let created = try await store.create(request(), createdBy: "pr_admin", now: now)
      _ = try await store.authenticate(secret: created.token, now: now)
      let secret = try #require(TokenSecret(parsing: created.token))
      // WAL mode: recent writes may sit in -wal, not yet in the main file.
      let folder = (path as NSString).deletingLastPathComponent
      let files = try FileManager.default.contentsOfDirectory(atPath: folder)
      #expect(files.contains("tokens.sqlite-wal"))
      var all = Data()
      for file in files { all += try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)) }
      #expect(all.range(of: Data(secret.plaintext.utf8)) == nil)
      // Nor any long piece of it.
      #expect(all.range(of: Data(secret.plaintext.dropFirst(3).prefix(16).utf8)) == nil)
      #expect(all.range(of: Data(secret.hash.hex.utf8)) != nil)
    }
  }

  @Test func aWorkerPrincipalIsFoundWithTheModulesItMayServe() async throws {
    try await withStore { store, _ throws in
      let digest = [UInt8](repeating: 0xab, count: 32)
      let created = try await store.create(
        certificateRequest(String(repeating: "ab", count: 32), modules: ["registry", "exchange", "exchange"]),
        createdBy: "pr_admin", now: now)
      #expect(created.info?.workerModules == ["exchange", "registry"])
      let found = try await store.authenticateWorker(certificateSHA256: digest, now: now)
      #expect(found.result.principal?.roles == [.worker])
      #expect(found.modules == ["exchange", "registry"])
      // From the cache too, the second time.
      #expect(try await store.authenticateWorker(certificateSHA256: digest, now: now).modules == ["exchange", "registry"])
    }
  }
}
