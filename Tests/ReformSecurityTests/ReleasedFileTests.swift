import Foundation
import GRDB
import ReformWire
import Testing

@testable import ReformSecurity

/// A coordinator's files written by a release that named its migrations `v1: token` and
/// `v1: audit_entry` open as they are, their rows kept and nothing applied twice.
@Suite struct ReleasedFileTests {
  private static let now = Date(timeIntervalSince1970: 1_780_000_000)

  /// Renames the file's applied migrations back to the released ids, as that release left them.
  private static func asReleased(_ path: String, _ ids: [String: String]) throws {
    let raw = try DatabaseQueue(path: path)
    try raw.write { db in
      for (new, old) in ids {
        try db.execute(sql: "UPDATE grdb_migrations SET identifier = ? WHERE identifier = ?", arguments: [old, new])
      }
    }
    try raw.close()
  }

  private static func applied(_ path: String) throws -> [String] {
    try DatabaseQueue(path: path).read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
    }
  }

  @Test func aTokenFileOfTheReleasedIdsOpensWithItsTokens() async throws {
    try await withTemporaryDirectory { directory throws in
      let path = directory + "/coordinator.sqlite"
      let created = try await TokenStore(path: path).create(
        AdminCreateTokenRequest(idempotencyKey: "k1", principal: Principal(displayName: "Văn thư", unitCode: "SNV", roles: [.clerk])),
        createdBy: "pr_admin", now: Self.now)
      try Self.asReleased(path, ["token.v1.tokens": "v1: token", "token.v2.worker-modules": "v2: token worker_modules"])

      let reopened = try TokenStore(path: path)
      #expect(try Self.applied(path) == ["token.v1.tokens", "token.v2.worker-modules"])
      let result = try await reopened.authenticate(secret: created.token, now: Self.now)
      #expect(result.principal?.unitCode == "SNV")
    }
  }

  @Test func anAuditLogOfTheReleasedIdsOpensAndContinuesItsSequence() async throws {
    try await withTemporaryDirectory { directory throws in
      let path = directory + "/audit.sqlite"
      let entry = AdminAuditEntry(method: "/reform.v1.Documents/Send", unitCode: "SNV", action: .write)
      try await AuditLog(path: path).append(entry, now: Self.now)
      try Self.asReleased(path, ["audit.v1.entries": "v1: audit_entry", "audit.v2.entry-count": "v2: audit_entry count"])

      let reopened = try AuditLog(path: path)
      #expect(try Self.applied(path) == ["audit.v1.entries", "audit.v2.entry-count"])
      #expect(try await reopened.append(entry, now: Self.now) == 2)
    }
  }
}
