import Foundation
import GRDB
import ReformWire

/// One row of the `token` table: a token as stored, with its secret's hash and never the
/// secret. Dates are GRDB's UTC text (`2026-01-31 08:00:00.000`), readable in `sqlite3`.
struct TokenRow: Codable, Sendable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "token"

  var id: String
  var secretHash: String
  var principalId: String
  var displayName: String
  var unitCode: String
  /// Role names (`Role.name`: `admin,clerk`) separated by commas: readable by an operator.
  var roles: String
  var note: String
  var createdAt: Date
  var createdBy: String
  var expiresAt: Date?
  var revokedAt: Date?
  var revokedBy: String
  var revokeReason: String
  var lastUsedAt: Date?
  var idempotencyKey: String
  var requestFingerprint: String
  /// For a worker principal, the modules it may attach as, separated by commas; empty for
  /// every other principal.
  var workerModules: String

  enum CodingKeys: String, CodingKey, ColumnExpression {
    case id
    case secretHash = "secret_hash"
    case principalId = "principal_id"
    case displayName = "display_name"
    case unitCode = "unit_code"
    case roles
    case note
    case createdAt = "created_at"
    case createdBy = "created_by"
    case expiresAt = "expires_at"
    case revokedAt = "revoked_at"
    case revokedBy = "revoked_by"
    case revokeReason = "revoke_reason"
    case lastUsedAt = "last_used_at"
    case idempotencyKey = "idempotency_key"
    case requestFingerprint = "request_fingerprint"
    case workerModules = "worker_modules"
  }

  typealias Columns = CodingKeys

  /// What `secret_hash` holds for a principal bound to a client certificate: the certificate's
  /// SHA-256 behind this prefix, which no bearer secret's hash (64 hex digits) can equal.
  static let certificatePrefix = "cert:"

  /// The bound certificate's SHA-256, or nil for a bearer token.
  var certificateSHA256: String? {
    secretHash.hasPrefix(Self.certificatePrefix) ? String(secretHash.dropFirst(Self.certificatePrefix.count)) : nil
  }

  /// ``workerModules`` as a list.
  var servedModules: [String] {
    workerModules.split(separator: ",").map(String.init)
  }

  var principal: Principal {
    Principal(
      id: principalId, displayName: displayName, unitCode: unitCode,
      roles: roles.split(separator: ",").compactMap { Role(name: String($0)) })
  }

  var info: AdminTokenInfo {
    AdminTokenInfo(
      tokenId: id,
      principal: principal,
      createdAt: Timestamp(createdAt),
      createdBy: createdBy,
      expiresAt: expiresAt.map(Timestamp.init),
      revoked: revokedAt != nil,
      revokedAt: revokedAt.map(Timestamp.init),
      revokedBy: revokedBy,
      lastUsedAt: lastUsedAt.map(Timestamp.init),
      note: note,
      clientCertificateSha256: certificateSHA256 ?? "",
      workerModules: servedModules)
  }
}
