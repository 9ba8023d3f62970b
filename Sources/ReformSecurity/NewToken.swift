import Foundation
import ReformWire

/// A validated request to create a token: the pure half of ``TokenStore/create(_:createdBy:now:)``.
///
/// It checks every field and names the first wrong one, normalises the principal (roles
/// deduplicated and in the schema's order, names trimmed), and computes a fingerprint of the
/// request so that an idempotency key reused for a different request is caught.
struct NewToken: Sendable, Equatable {
  static let maxKeyLength = 200
  static let maxNameLength = 200
  static let maxNoteLength = 1000
  /// The latest `expires_at` accepted, from now: a hundred years.
  static let longestLifetime: TimeInterval = 100 * 366 * 86_400
  /// The most modules one worker principal may name.
  static let maxWorkerModules = 32

  var idempotencyKey: String
  /// Principal id as given; empty when the store is to assign one.
  var principalId: String
  var displayName: String
  var unitCode: String
  var roles: [Role]
  var expiresAt: Date?
  var note: String
  /// The SHA-256 of the client certificate the principal is bound to, lowercase hex; empty for
  /// a bearer token.
  var certificateSHA256: String
  /// The modules a worker principal may attach as, sorted and without repeats; empty for
  /// every other principal.
  var workerModules: [String]

  init(_ request: AdminCreateTokenRequest, now: Date) throws(SecurityStoreError) {
    let key = request.idempotencyKey.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !key.isEmpty else {
      // The coordinator may re-dispatch an IDEMPOTENT call; without a key that would mint a
      // second token.
      throw .invalid("idempotency_key", "required, so that a repeated call creates nothing")
    }
    guard key.count <= Self.maxKeyLength else {
      throw .invalid("idempotency_key", "at most \(Self.maxKeyLength) characters")
    }

    guard let principal = request.principal else {
      throw .invalid("principal", "required: a token names the principal it acts as")
    }
    let principalId = principal.id.trimmingCharacters(in: .whitespacesAndNewlines)
    guard principalId.count <= Self.maxNameLength else {
      throw .invalid("principal.id", "at most \(Self.maxNameLength) characters")
    }
    let displayName = principal.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !displayName.isEmpty else {
      throw .invalid("principal.display_name", "required, so that people can tell who acted")
    }
    guard displayName.count <= Self.maxNameLength else {
      throw .invalid("principal.display_name", "at most \(Self.maxNameLength) characters")
    }
    let unitCode = principal.unitCode.trimmingCharacters(in: .whitespacesAndNewlines)
    guard unitCode.count <= Self.maxNameLength else {
      throw .invalid("principal.unit_code", "at most \(Self.maxNameLength) characters")
    }

    guard !principal.roles.isEmpty else {
      throw .invalid("principal.roles", "at least one role is required")
    }
    for role in principal.roles where !Role.assignable.contains(role) {
      throw .invalid(
        "principal.roles",
        "\(role) is not a role; use \(Role.assignable.map(\.name).joined(separator: ", "))")
    }
    let roles = Role.assignable.filter(principal.roles.contains)
    if roles.contains(.clerk) && unitCode.isEmpty {
      throw .invalid("principal.unit_code", "required for a clerk, who acts only for their own unit")
    }

    var expiresAt: Date?
    if let expiry = request.expiresAt {
      guard expiry.isValid else {
        throw .invalid("expires_at", "nanos must be from 0 to 999999999")
      }
      guard expiry.date > now else {
        throw .invalid("expires_at", "must be in the future")
      }
      // Far enough for any token a person needs, near enough that every instant arithmetic on
      // it (milliseconds in the store, the idempotency fingerprint) stays within Int64.
      guard expiry.date <= now.addingTimeInterval(Self.longestLifetime) else {
        throw .invalid("expires_at", "at most 100 years from now; leave it empty for a token that does not expire")
      }
      expiresAt = expiry.date
    }

    guard request.note.count <= Self.maxNoteLength else {
      throw .invalid("note", "at most \(Self.maxNoteLength) characters")
    }

    let certificate = request.clientCertificateSha256.trimmingCharacters(in: .whitespaces).lowercased()
    if !certificate.isEmpty {
      guard certificate.utf8.count == 64, certificate.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
        throw .invalid("client_certificate_sha256", "64 hex digits: the SHA-256 of the certificate's DER encoding")
      }
    }
    if roles.contains(.worker) && certificate.isEmpty {
      throw .invalid("principal.roles", "worker is for principals bound to a client certificate; set client_certificate_sha256")
    }
    let modules = try Self.workerModules(request.workerModules, roles: roles)

    self.idempotencyKey = key
    self.certificateSHA256 = certificate
    self.workerModules = modules
    self.principalId = principalId
    self.displayName = displayName
    self.unitCode = unitCode
    self.roles = roles
    self.expiresAt = expiresAt
    self.note = request.note
  }

  /// The modules a worker principal may serve: required with the worker role, refused
  /// without it, each a module name's shape (lowercase letters, digits and `-`). Whether such
  /// a module exists is the coordinator's to say: it knows its catalogue.
  private static func workerModules(_ given: [String], roles: [Role]) throws(SecurityStoreError) -> [String] {
    let modules = given.map { $0.trimmingCharacters(in: .whitespaces) }
    guard roles.contains(.worker) else {
      guard modules.isEmpty else {
        throw .invalid("worker_modules", "only a principal with the worker role serves modules")
      }
      return []
    }
    guard !modules.isEmpty else {
      throw .invalid("worker_modules", "required with the worker role: the modules this worker may attach as")
    }
    guard modules.count <= maxWorkerModules else {
      throw .invalid("worker_modules", "at most \(maxWorkerModules) modules")
    }
    for module in modules where !WorkerSecretList.isModuleName(module) {
      throw .invalid("worker_modules", "'\(module.prefix(64))' is not a module name: lowercase letters, digits and -, at most 64")
    }
    return Array(Set(modules)).sorted()
  }

  /// What makes two requests "the same" for idempotency: every field but the key. Expiry is
  /// kept to the millisecond, the precision the store keeps. Worker modules are added only
  /// when there are some, so that fingerprints stored before they existed still match.
  var fingerprint: String {
    let expiry = expiresAt.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? "-"
    let modules = workerModules.isEmpty ? [] : [workerModules.joined(separator: ",")]
    return ([principalId, displayName, unitCode, roles.map(\.name).joined(separator: ","), expiry, note, certificateSHA256] + modules)
      .map { "\($0.utf8.count):\($0)" }
      .joined(separator: "|")
  }
}
