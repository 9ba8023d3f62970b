import Foundation
import ReformStore
import ReformWire

/// The bearer tokens of the system: created, listed, revoked, and checked on every call.
///
/// Only the SHA-256 of each secret is stored (see ``TokenHash``), so the store opens nothing if
/// it is copied; a secret is returned once, by ``create(_:createdBy:now:)``. The tokens live in
/// one coordinator's SQLite file (``TokenSQLiteStore``, the embedded default), or in a
/// PostgreSQL schema that several coordinators share (``TokenPostgresStore``): a revocation
/// through one then reaches the others within a second.
///
/// Every method takes `now`, so that tests pin expiry and last use without sleeping.
///
/// ## Topics
/// - ``init(path:)``, ``init(store:)``: opens the store and migrates it.
/// - ``create(_:createdBy:now:)``, ``list(_:now:)``, ``revoke(tokenId:revokedBy:reason:now:)``:
///   the Admin token calls.
/// - ``authenticate(secret:now:)``: the check behind every call, returning an
///   ``AuthenticationResult``.
public final class TokenStore: Sendable {
  /// How stale `last_used_at` may get: recording every use would make every call a write.
  public static let lastUseResolution: TimeInterval = 60

  /// The PostgreSQL schema of the tokens and the audit log when a location names none.
  public static let postgresSchema = "security"

  private let storage: any TokenStoring

  /// Tokens that authenticated in the last minute (``RecentTokens``).
  private let recent: RecentTokens

  /// Keeps ``recent`` clear of the tokens other coordinators revoke, while the store is open.
  private let following: Task<Void, Never>

  /// Opens the token database at `path`, creating it when missing, and applies any migration
  /// not yet applied.
  public convenience init(path: String) throws {
    self.init(storage: try TokenSQLiteStore(path: path))
  }

  /// Opens the tokens where `location` says: a SQLite file, created and migrated when missing,
  /// or a PostgreSQL database whose schema (`security` unless named) is migrated before its
  /// first use and shared with the other coordinators opened on it.
  public convenience init(store location: StoreLocation) throws {
    switch location {
    case .sqlite(let path): try self.init(path: path)
    case .postgres(let settings, let schema):
      self.init(storage: try TokenPostgresStore(settings: settings, schema: schema ?? Self.postgresSchema))
    }
  }

  /// The store on `storage`, following the revocations other processes make in it.
  init(storage: any TokenStoring) {
    self.storage = storage
    let recent = RecentTokens()
    self.recent = recent
    following = Task { await storage.followRevocations(into: recent) }
  }

  deinit {
    following.cancel()
  }

  /// Creates a token for the request's principal and returns its secret, once.
  ///
  /// A repeat with the same idempotency key creates nothing: it answers the same token with
  /// `replayed` true and an empty `token`, because the secret was never kept. The same key with
  /// a different request is refused, so that a mistake cannot go unnoticed.
  ///
  /// - Parameters:
  ///   - request: principal (an empty id gets one assigned), optional expiry, note, key.
  ///   - createdBy: `Principal.id` of the caller, recorded with the token.
  /// - Throws: ``SecurityStoreError`` naming the wrong field, or the database's error.
  public func create(
    _ request: AdminCreateTokenRequest, createdBy: String, now: Date = Date()
  ) async throws -> AdminCreateTokenResponse {
    let new = try NewToken(request, now: now)
    let secret = TokenSecret.generate()
    let candidate = TokenRow(
      id: Self.newIdentifier(prefix: "tok_"),
      secretHash: new.certificateSHA256.isEmpty ? secret.hash.hex : TokenRow.certificatePrefix + new.certificateSHA256,
      principalId: new.principalId.isEmpty ? Self.newIdentifier(prefix: "pr_") : new.principalId,
      displayName: new.displayName,
      unitCode: new.unitCode,
      roles: new.roles.map(\.name).joined(separator: ","),
      note: new.note,
      createdAt: now,
      createdBy: createdBy,
      expiresAt: new.expiresAt,
      revokedAt: nil,
      revokedBy: "",
      revokeReason: "",
      lastUsedAt: nil,
      idempotencyKey: new.idempotencyKey,
      requestFingerprint: new.fingerprint,
      workerModules: new.workerModules.joined(separator: ","))

    let (row, replayed) = try await storage.insert(candidate)
    if replayed, row.requestFingerprint != new.fingerprint {
      throw SecurityStoreError(.conflict, "idempotency_key: already used by token \(row.id) for a different request")
    }
    return AdminCreateTokenResponse(
      token: replayed || row.certificateSHA256 != nil ? "" : secret.plaintext, info: row.info, replayed: replayed)
  }

  /// The tokens that match `request`'s filters, newest first; never their secrets.
  ///
  /// `unit_code` keeps one unit's principals; revoked and expired tokens are left out unless
  /// asked for. Paging is not applied yet: every match is returned.
  public func list(_ request: AdminListTokensRequest, now: Date = Date()) async throws -> [AdminTokenInfo] {
    try await storage.tokens(matching: request, now: now).map(\.info)
  }

  /// Revokes a token at once; revoking it again changes nothing and answers it as it is.
  ///
  /// - Throws: ``SecurityStoreError`` when `tokenId` is empty or names no token.
  public func revoke(
    tokenId: String, revokedBy: String, reason: String = "", now: Date = Date()
  ) async throws -> AdminTokenInfo {
    guard !tokenId.isEmpty else { throw SecurityStoreError.invalid("token_id", "required") }
    defer { recent.forget(tokenIds: [tokenId]) }
    return try await storage.revoke(tokenId: tokenId, revokedBy: revokedBy, reason: reason, now: now).info
  }

  /// Checks a presented secret: its shape, then its hash against the store, then revocation
  /// and expiry. A live token's `last_used_at` is brought up to date at most once per
  /// ``lastUseResolution``, so that most calls only read.
  public func authenticate(secret text: String, now: Date = Date()) async throws -> AuthenticationResult {
    guard let secret = TokenSecret(parsing: text) else { return .malformed }
    let hash = secret.hash
    return try await authenticate(storedHash: hash.hex, now: now) { TokenHash(hex: $0) == hash }.result
  }

  /// Whether `text` is a token this store has found live before and has not seen revoked or
  /// expire since, from memory alone. Lets the coordinator check a caller it knows against the
  /// store even from an address it otherwise turns away unheard: someone guessing from that
  /// address holds no such token, and a client sharing the address keeps working however long
  /// ago its token was last read from the file.
  public func hasAuthenticated(secret text: String, now: Date = Date()) -> Bool {
    guard let secret = TokenSecret(parsing: text) else { return false }
    guard let cached = recent.lookUp(secret.hash.hex).entry else { return false }
    return cached.expiresAt.map { $0 > now } ?? true
  }

  /// Finds the principal bound to a client certificate, given the SHA-256 of its DER
  /// encoding; revocation and expiry apply as to a bearer token.
  public func authenticate(certificateSHA256 digest: [UInt8], now: Date = Date()) async throws -> AuthenticationResult {
    try await authenticateWorker(certificateSHA256: digest, now: now).result
  }

  /// ``authenticate(certificateSHA256:now:)``, with the modules a worker principal may attach
  /// as (empty for any other principal, and for one bound before principals named modules).
  public func authenticateWorker(
    certificateSHA256 digest: [UInt8], now: Date = Date()
  ) async throws -> (result: AuthenticationResult, modules: [String]) {
    let stored = TokenRow.certificatePrefix + TokenHash(bytes: digest).hex
    return try await authenticate(storedHash: stored, now: now) { $0 == stored }
  }

  /// The lookup behind both kinds of credential: by the stored `secret_hash`, through the
  /// cache, then revocation and expiry; `matches` makes the final comparison.
  private func authenticate(
    storedHash: String, now: Date, matches: (String) -> Bool
  ) async throws -> (result: AuthenticationResult, modules: [String]) {
    let (cached, generation) = recent.lookUp(storedHash)
    if let cached, now.timeIntervalSince(cached.checkedAt) < Self.lastUseResolution {
      if let expiry = cached.expiresAt, expiry <= now { return (.expired(tokenId: cached.tokenId), []) }
      return (.ok(cached.principal, tokenId: cached.tokenId), cached.workerModules)
    }
    let found = try await storage.token(storedHash: storedHash)
    // The lookup by hash already matched; for a secret the constant-time check keeps the final
    // decision independent of how the index compared strings.
    guard let row = found, matches(row.secretHash) else { return (.unknown, []) }
    if row.revokedAt != nil { return (.revoked(tokenId: row.id), []) }
    if let expiry = row.expiresAt, expiry <= now { return (.expired(tokenId: row.id), []) }

    if row.lastUsedAt.map({ now.timeIntervalSince($0) >= Self.lastUseResolution }) ?? true {
      try await storage.recordUse(tokenId: row.id, now: now, staleBefore: now.addingTimeInterval(-Self.lastUseResolution))
    }
    let principal = row.principal
    recent.remember(
      RecentTokens.Entry(
        principal: principal, tokenId: row.id, expiresAt: row.expiresAt, checkedAt: now, workerModules: row.servedModules),
      for: storedHash, ifStill: generation)
    return (.ok(principal, tokenId: row.id), row.servedModules)
  }

  /// A random identifier: public, unlike a secret, so 64 bits are plenty to avoid collisions.
  private static func newIdentifier(prefix: String) -> String {
    prefix + String(UInt64.random(in: .min ... .max), radix: 16).leftPadded(to: 16)
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    String(repeating: "0", count: Swift.max(0, length - count)) + self
  }
}
