import Foundation
import GRDB
import ReformStore
import ReformWire

/// ``TokenStoring`` in one coordinator's SQLite file, the embedded default.
///
/// The database runs in WAL mode so that the many reads of authentication never wait for a
/// write. Times are GRDB's UTC text. The coordinator is the file's only writer, so nothing
/// revoked elsewhere needs following.
final class TokenSQLiteStore: TokenStoring {
  private let database: StoreDatabase

  /// Opens the token database at `path`, creating it when missing, and applies any migration
  /// not yet applied.
  init(path: String) throws {
    database = try StoreDatabase(path: path, name: "token", migrations: Self.migrations)
  }

  func insert(_ candidate: TokenRow) async throws -> (row: TokenRow, earlier: Bool) {
    try await database.write { db in
      if let earlier = try TokenRow.filter(TokenRow.Columns.idempotencyKey == candidate.idempotencyKey).fetchOne(db) {
        return (earlier, true)
      }
      try candidate.insert(db)
      return (candidate, false)
    }
  }

  func tokens(matching request: AdminListTokensRequest, now: Date) async throws -> [TokenRow] {
    try await database.read { db in
      var query = TokenRow.all()
      if !request.unitCode.isEmpty {
        query = query.filter(TokenRow.Columns.unitCode == request.unitCode)
      }
      if !request.includeRevoked {
        query = query.filter(TokenRow.Columns.revokedAt == nil)
      }
      if !request.includeExpired {
        query = query.filter(TokenRow.Columns.expiresAt == nil || TokenRow.Columns.expiresAt > now)
      }
      return try query.order(TokenRow.Columns.createdAt.desc, TokenRow.Columns.id.desc).fetchAll(db)
    }
  }

  func revoke(tokenId: String, revokedBy: String, reason: String, now: Date) async throws -> TokenRow {
    try await database.write { db in
      guard var row = try TokenRow.fetchOne(db, key: tokenId) else {
        throw SecurityStoreError(.notFound, "token_id: no token \(tokenId)")
      }
      if row.revokedAt == nil {
        row.revokedAt = now
        row.revokedBy = revokedBy
        row.revokeReason = reason
        try row.update(db)
      }
      return row
    }
  }

  func token(storedHash: String) async throws -> TokenRow? {
    try await database.read { db in
      try TokenRow.filter(TokenRow.Columns.secretHash == storedHash).fetchOne(db)
    }
  }

  func recordUse(tokenId: String, now: Date, staleBefore stale: Date) async throws {
    try await database.write { db in
      _ = try TokenRow
        .filter(key: tokenId)
        .filter(TokenRow.Columns.lastUsedAt == nil || TokenRow.Columns.lastUsedAt <= stale)
        .updateAll(db, TokenRow.Columns.lastUsedAt.set(to: now))
    }
  }

  func followRevocations(into recent: RecentTokens) async {}
}
