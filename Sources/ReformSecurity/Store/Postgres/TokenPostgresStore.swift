import Foundation
import PostgresNIO
import ReformStore
import ReformWire

/// ``TokenStoring`` in a PostgreSQL schema (`security` by default) that several coordinators
/// share: the same table, columns and migration ids as ``TokenSQLiteStore``, times as whole
/// microseconds since 1970.
///
/// How each write stays correct with coordinators on several hosts (every write is one
/// `READ COMMITTED` transaction; see ReformStore's `PostgresStore`):
/// - **Create** takes the advisory lock of its idempotency key before looking it up: a repeat
///   running at the same moment in another coordinator waits for the first to commit, then
///   answers its token. The unique key on `idempotency_key` stays as a last guard.
/// - **Revoke** locks the token's row (`FOR UPDATE`), sets `revoked_at` unless it is set, and
///   in the same transaction sends the token's id on the schema's channel (`pg_notify`), so the
///   notice goes out exactly when the revocation commits.
/// - **Last use** is one conditional `UPDATE`: of two coordinators recording one token's use,
///   the second finds it recent and writes nothing.
///
/// How a revocation reaches the other coordinators (``followRevocations(into:)``): each listens
/// on the channel through a connection of its own and forgets a revoked token from its
/// ``RecentTokens`` as the notice arrives, within a second; its open streams of that token
/// then end at their next credential check, as after a revocation of its own. A listening
/// connection can be lost without a word (the server restarts, a firewall drops it), so each
/// coordinator also asks every ``pollInterval`` which of its cached tokens were revoked, and
/// asks at once after listening again.
///
/// ## Topics
/// - ``init(settings:schema:pollInterval:)``, ``migrations``
final class TokenPostgresStore: TokenStoring {
  /// The table, as on SQLite.
  static let table = TokenRow.databaseTableName
  /// Every column, in the order ``row(_:)`` and ``insert(_:)`` use.
  private static let columns =
    "id, secret_hash, principal_id, display_name, unit_code, roles, note, created_at, created_by, expires_at, revoked_at, revoked_by, revoke_reason, last_used_at, idempotency_key, request_fingerprint, worker_modules"

  private let database: PostgresStore
  /// The channel revocations are announced on: one per schema, so that coordinators on another
  /// schema of the database never hear them.
  let channel: String
  /// How often the cached tokens are checked against the table, in case a notice was lost.
  let pollInterval: Duration
  private let settings: PostgresSettings

  /// A pool to `settings`' server for the table in `schema`; migrations are applied before the
  /// first operation.
  init(settings: PostgresSettings, schema: String, pollInterval: Duration = .seconds(5)) throws {
    database = try PostgresStore(settings: settings, name: "token", schema: schema, migrations: Self.migrations)
    self.settings = settings
    self.pollInterval = pollInterval
    channel = PostgresChannel.name("reform_token_revoked", schema: schema)
  }

  /// The table's migrations, under the ids of ``TokenSQLiteStore/migrations``.
  static var migrations: PostgresMigrations {
    var migrations = PostgresMigrations(module: "token")
    migrations.register(
      1, "tokens",
      [
        """
        CREATE TABLE \(table) (
          id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
          secret_hash TEXT NOT NULL UNIQUE,
          principal_id TEXT NOT NULL,
          display_name TEXT NOT NULL,
          unit_code TEXT NOT NULL,
          roles TEXT NOT NULL,
          note TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          created_by TEXT NOT NULL,
          expires_at BIGINT,
          revoked_at BIGINT,
          revoked_by TEXT NOT NULL,
          revoke_reason TEXT NOT NULL,
          last_used_at BIGINT,
          idempotency_key TEXT NOT NULL UNIQUE,
          request_fingerprint TEXT NOT NULL
        )
        """,
        "CREATE INDEX token_on_unit_code ON \(table) (unit_code)",
      ])
    migrations.register(2, "worker-modules", ["ALTER TABLE \(table) ADD COLUMN worker_modules TEXT NOT NULL DEFAULT ''"])
    return migrations
  }

  func insert(_ candidate: TokenRow) async throws -> (row: TokenRow, earlier: Bool) {
    try await database.write { db in
      try await db.execute("SELECT pg_advisory_xact_lock(hashtextextended(\("reform.token." + candidate.idempotencyKey), 0))")
      if let earlier = try await Self.first(
        db, "SELECT \(sql: Self.columns) FROM \(sql: Self.table) WHERE idempotency_key = \(candidate.idempotencyKey)")
      {
        return (earlier, true)
      }
      let c = candidate
      try await db.execute(
        """
        INSERT INTO \(sql: Self.table) (\(sql: Self.columns)) VALUES (
          \(c.id), \(c.secretHash), \(c.principalId), \(c.displayName), \(c.unitCode), \(c.roles), \(c.note),
          \(Self.micros(c.createdAt)), \(c.createdBy), \(c.expiresAt.map(Self.micros)), \(c.revokedAt.map(Self.micros)),
          \(c.revokedBy), \(c.revokeReason), \(c.lastUsedAt.map(Self.micros)), \(c.idempotencyKey), \(c.requestFingerprint),
          \(c.workerModules))
        """)
      return (candidate, false)
    }
  }

  func tokens(matching request: AdminListTokensRequest, now: Date) async throws -> [TokenRow] {
    var filter: PostgresStatement = "TRUE"
    if !request.unitCode.isEmpty { filter.append(" AND unit_code = \(request.unitCode)") }
    if !request.includeRevoked { filter.append(" AND revoked_at IS NULL") }
    if !request.includeExpired { filter.append(" AND (expires_at IS NULL OR expires_at > \(Self.micros(now)))") }
    let query: PostgresStatement =
      "SELECT \(sql: Self.columns) FROM \(sql: Self.table) WHERE \(filter) ORDER BY created_at DESC, id DESC"
    return try await database.read { db in try await db.rows(query).map(Self.row) }
  }

  func revoke(tokenId: String, revokedBy: String, reason: String, now: Date) async throws -> TokenRow {
    let channel = channel
    return try await database.write { db in
      guard
        var row = try await Self.first(db, "SELECT \(sql: Self.columns) FROM \(sql: Self.table) WHERE id = \(tokenId) FOR UPDATE")
      else {
        throw SecurityStoreError(.notFound, "token_id: no token \(tokenId)")
      }
      if row.revokedAt == nil {
        row.revokedAt = now
        row.revokedBy = revokedBy
        row.revokeReason = reason
        try await db.execute(
          """
          UPDATE \(sql: Self.table) SET revoked_at = \(Self.micros(now)), revoked_by = \(revokedBy), revoke_reason = \(reason)
          WHERE id = \(tokenId)
          """)
      }
      // Sent at commit, and only if the transaction commits. Again for a token already revoked:
      // a coordinator that cached it meanwhile forgets it.
      try await db.execute("SELECT pg_notify(\(channel), \(tokenId))")
      return row
    }
  }

  func token(storedHash: String) async throws -> TokenRow? {
    try await database.read { db in
      try await Self.first(db, "SELECT \(sql: Self.columns) FROM \(sql: Self.table) WHERE secret_hash = \(storedHash)")
    }
  }

  func recordUse(tokenId: String, now: Date, staleBefore stale: Date) async throws {
    try await database.write { db in
      try await db.execute(
        """
        UPDATE \(sql: Self.table) SET last_used_at = \(Self.micros(now))
        WHERE id = \(tokenId) AND (last_used_at IS NULL OR last_used_at <= \(Self.micros(stale)))
        """)
    }
  }

  /// The ids among `tokenIds` of tokens that are revoked.
  func revoked(among tokenIds: [String]) async throws -> [String] {
    guard !tokenIds.isEmpty else { return [] }
    return try await database.read { db in
      try await db.rows("SELECT id FROM \(sql: Self.table) WHERE id = ANY(\(tokenIds)) AND revoked_at IS NOT NULL")
        .map { try $0["id"].decode(String.self) }
    }
  }

  func followRevocations(into recent: RecentTokens) async {
    await withDiscardingTaskGroup { group in
      group.addTask { await self.listen(into: recent) }
      group.addTask {
        while !Task.isCancelled {
          try? await Task.sleep(for: self.pollInterval)
          await self.poll(into: recent)
        }
      }
    }
  }

  /// Forgets the cached tokens that are revoked; a store that cannot be read is asked again at
  /// the next poll, and meanwhile each entry lives no longer than ``TokenStore/lastUseResolution``.
  func poll(into recent: RecentTokens) async {
    guard let revoked = try? await revoked(among: recent.tokenIds), !revoked.isEmpty else { return }
    recent.forget(tokenIds: revoked)
  }

  /// Listens on ``channel`` through a connection of its own, forgetting each token announced,
  /// and listens again a second after the connection is lost; returns when the task is
  /// cancelled.
  private func listen(into recent: RecentTokens) async {
    await PostgresChannel.follow(
      channel, settings: settings, schema: database.schema, label: "reform.token.revocations",
      // Listening now: what was revoked while no connection listened is found by asking.
      listening: { await self.poll(into: recent) },
      notice: { tokenId in recent.forget(tokenIds: [tokenId]) })
  }

  // MARK: Rows

  /// The first row `statement` reads, as a token.
  private static func first(_ db: PostgresConnection, _ statement: PostgresStatement) async throws -> TokenRow? {
    try await db.rows(statement).first.map(row)
  }

  /// A row of ``columns`` as a token.
  private static func row(_ row: PostgresRandomAccessRow) throws -> TokenRow {
    func text(_ column: String) throws -> String { try row[column].decode(String.self) }
    func time(_ column: String) throws -> Date? { try row[column].decode(Int64?.self).map(date) }
    return TokenRow(
      id: try text("id"), secretHash: try text("secret_hash"), principalId: try text("principal_id"),
      displayName: try text("display_name"), unitCode: try text("unit_code"), roles: try text("roles"),
      note: try text("note"), createdAt: try time("created_at") ?? Date(timeIntervalSince1970: 0),
      createdBy: try text("created_by"), expiresAt: try time("expires_at"), revokedAt: try time("revoked_at"),
      revokedBy: try text("revoked_by"), revokeReason: try text("revoke_reason"), lastUsedAt: try time("last_used_at"),
      idempotencyKey: try text("idempotency_key"), requestFingerprint: try text("request_fingerprint"),
      workerModules: try text("worker_modules"))
  }

  /// `date` in whole microseconds since 1970.
  static func micros(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) }

  /// The instant `micros` microseconds after 1970.
  static func date(_ micros: Int64) -> Date { Date(timeIntervalSince1970: Double(micros) / 1_000_000) }
}
