import Foundation
import ReformModule
import ReformStore
import ReformWire
import RegistryDomain

extension JobContext {
  /// Who acts, as the domain records it. A job without a caller comes from inside the system
  /// (the coordinator admitted it, or the module loads its demo), and acts as the system.
  var actor: ActorRef {
    caller.map(ActorRef.init(principal:)) ?? ActorRef(id: "system", displayName: "Hệ thống", roles: [.admin])
  }

  /// Refuses, before anything else is looked at, a caller limited to their own unit when
  /// `unitCode` lies outside it in `tree`.
  func requireScope(over unitCode: String, field: String, in tree: UnitTree) throws {
    try requireScope(over: unitCode, field: field) { code, own in tree.isWithinSubtree(code, of: own) }
  }

  /// Refuses a caller limited to their own unit: the call acts for the whole bloc.
  func requireBlocWide(_ what: String) throws {
    if let own = ownUnitLimit {
      throw FieldError.permissionDenied("", "\(what) acts for the whole bloc; a clerk of \(own) acts only for \(own)")
    }
  }

  /// The unit a read is confined to: the caller's own unit when limited to it, else `requested`.
  func confined(_ requested: String, field: String, in tree: UnitTree) throws -> String {
    guard let own = ownUnitLimit else { return requested }
    if requested.isEmpty { return own }
    try requireScope(over: requested, field: field, in: tree)
    return requested
  }

  /// The request's idempotency claim, or `nil` without a key: the key belongs to the caller
  /// (the principal's id), so two clerks choosing the same key do not meet, and its
  /// fingerprint is SHA-256 of the method and the request without its key, as the registry
  /// has always stored it, so answers stored before still replay.
  func idempotency<Request: IdempotentRequest>(_ request: Request) throws -> IdempotencyClaim? {
    var unkeyed = request
    unkeyed.idempotencyKey = ""
    let bytes: [UInt8]
    do {
      bytes = try unkeyed.wireBytes()
    } catch {
      throw FieldError.invalid("", error.description)
    }
    do throws(IdempotencyRefusal) {
      return try IdempotencyClaim(
        method: method, scope: caller?.id ?? "", key: request.idempotencyKey, request: Array(method.utf8) + [0] + bytes)
    } catch {
      throw FieldError(error)
    }
  }
}
