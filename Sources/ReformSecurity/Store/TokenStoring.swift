import Foundation
import ReformWire

/// What ``TokenStore`` asks of the engine that keeps its tokens: rows in and out, each call one
/// transaction. The cache of recent authentications and every rule about tokens stay in
/// ``TokenStore``, so that both engines answer alike.
///
/// Failures are ReformKit's `StoreFailure` (busy, corrupt, failed) or a ``SecurityStoreError``
/// naming the field at fault; nothing of the engine crosses.
///
/// ## Topics
/// - ``TokenSQLiteStore``: one coordinator's SQLite file, the embedded default.
/// - ``TokenPostgresStore``: a PostgreSQL schema that several coordinators share.
protocol TokenStoring: Sendable {
  /// Inserts `candidate`, unless a token was made before with its idempotency key: then that
  /// token is answered, with `earlier` true, and nothing is inserted. Lookup and insert are one
  /// transaction, so two concurrent repeats cannot both insert.
  func insert(_ candidate: TokenRow) async throws -> (row: TokenRow, earlier: Bool)

  /// The tokens matching `request`'s unit filter, and leaving out revoked and expired ones
  /// (at `now`) unless asked for; newest first, then by id.
  func tokens(matching request: AdminListTokensRequest, now: Date) async throws -> [TokenRow]

  /// Marks the token revoked at `now`, unless it already is, and answers it as it then is.
  ///
  /// - Throws: ``SecurityStoreError`` not found when no token has the id.
  func revoke(tokenId: String, revokedBy: String, reason: String, now: Date) async throws -> TokenRow

  /// The token whose `secret_hash` is `storedHash`.
  func token(storedHash: String) async throws -> TokenRow?

  /// Sets the token's `last_used_at` to `now` when it is unset or not later than `stale`: a
  /// conditional write, so that concurrent calls of one token write once.
  func recordUse(tokenId: String, now: Date, staleBefore stale: Date) async throws

  /// Drops from `recent`, for as long as the task runs, the tokens that another process
  /// sharing the store revokes; returns when the task is cancelled, at once when no other
  /// process can write the store.
  func followRevocations(into recent: RecentTokens) async
}
