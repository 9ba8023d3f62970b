import Foundation
import ReformSecurity
import ReformWire

/// The credentials a new data folder needs: the worker secret and a first admin token, each in
/// a file of mode 0600. Existing files are kept.
enum Bootstrap {
  /// The worker secret at `path`, made first if there is none.
  static func workerSecret(at path: String) throws -> String {
    if !FileManager.default.fileExists(atPath: path) {
      try TokenFile.write(TokenSecret.generate().plaintext, to: path)
    }
    return try TokenFile.read(from: path)
  }

  /// Writes a new admin token to `path` when the file does not exist yet.
  static func adminToken(at path: String, store: TokenStore) async throws -> Bool {
    try await token(
      at: path, store: store,
      principal: Principal(id: "admin", displayName: "Quản trị hệ thống (first admin)", roles: [.admin]))
  }

  /// Writes the modules' service token to `path` when the file does not exist yet: a
  /// bloc-wide viewer that also holds the service role, with which one module reads another's
  /// data through the coordinator — including the personal reads viewers may not make, such as
  /// the unit a person belongs to.
  static func serviceToken(at path: String, store: TokenStore) async throws -> Bool {
    try await token(
      at: path, store: store,
      principal: Principal(id: "reform-modules", displayName: "Reform modules (service)", roles: [.viewer, .service]))
  }

  private static func token(at path: String, store: TokenStore, principal: Principal) async throws -> Bool {
    guard !FileManager.default.fileExists(atPath: path) else { return false }
    let response = try await store.create(
      AdminCreateTokenRequest(
        idempotencyKey: "bootstrap-\(UUID().uuidString)", principal: principal, note: "written by reformd to \(path)"),
      createdBy: "reformd")
    try TokenFile.write(response.token, to: path)
    return true
  }
}
