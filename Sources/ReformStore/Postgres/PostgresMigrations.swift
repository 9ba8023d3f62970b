import Foundation
import Logging
import PostgresNIO

/// A module's schema changes for PostgreSQL, under the same ids as its SQLite migrations
/// (``StoreMigrations``: `exchange.v1.documents` …), each a list of statements run in order.
///
/// ``PostgresStore`` applies them in one transaction that first takes an advisory lock named
/// after the schema: ten workers starting at once queue on the lock, the first applies what is
/// missing, and the others find everything applied. Applied ids are kept in the schema's
/// `reform_migrations` table. PostgreSQL's DDL is transactional, so a failed migration leaves
/// nothing half applied.
public struct PostgresMigrations: Sendable {
  /// The module whose ids these are, e.g. `exchange`.
  public let module: String
  /// Every registered migration, in order.
  public private(set) var steps: [(id: String, statements: [String])] = []

  public init(module: String) {
    self.module = module
  }

  /// Every registered id, in order: the same list as the SQLite migrations' ``StoreMigrations/ids``.
  public var ids: [String] { steps.map(\.id) }

  /// Registers `<module>.v<version>.<what>` as `statements`, after those registered before.
  public mutating func register(_ version: Int, _ what: String, _ statements: [String]) {
    steps.append((StoreMigrations.id(module: module, version: version, what: what), statements))
  }

  /// Applies the migrations `schema` lacks, under the schema's advisory lock, in one transaction.
  func apply(schema: String, on connection: PostgresConnection, logger: Logger) async throws {
    try await connection.query("BEGIN", logger: logger)
    do {
      try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\("reform.migrations." + schema), 0))", logger: logger)
      try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""), logger: logger)
      try await connection.query(PostgresQuery(unsafeSQL: "SET LOCAL search_path TO \"\(schema)\""), logger: logger)
      try await connection.query(
        "CREATE TABLE IF NOT EXISTS reform_migrations (identifier TEXT PRIMARY KEY, applied_us BIGINT NOT NULL)",
        logger: logger)
      var applied: Set<String> = []
      for try await identifier in try await connection.query("SELECT identifier FROM reform_migrations", logger: logger)
        .decode(String.self)
      {
        applied.insert(identifier)
      }
      for step in steps where !applied.contains(step.id) {
        for statement in step.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        let now = Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
        try await connection.query(
          "INSERT INTO reform_migrations (identifier, applied_us) VALUES (\(step.id), \(now))", logger: logger)
        logger.info("applied migration", metadata: ["migration": "\(step.id)", "schema": "\(schema)"])
      }
      try await connection.query("COMMIT", logger: logger)
    } catch {
      _ = try? await connection.query("ROLLBACK", logger: logger)
      throw error
    }
  }
}
