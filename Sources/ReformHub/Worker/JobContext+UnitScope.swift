import GRPCCore
import ReformSecurity

extension JobContext {
  /// The unit the caller is limited to for this method, or nil when they may act for any
  /// unit.
  ///
  /// The coordinator already applied ``AccessPolicy/reform`` before dispatching; a grant such
  /// as a clerk's is allowed there only "for their own unit", which the module alone can
  /// check, since only it knows which unit a request is about and how units nest.
  public var ownUnitLimit: String? {
    if case .allow(let ownUnit) = AccessPolicy.reform.decide(method: method, principal: caller) { ownUnit } else { nil }
  }

  /// Refuses with `PERMISSION_DENIED`, naming `field`, when the caller is limited to their own
  /// unit and `unitCode` is neither it nor, by `isUnder`, one of the units under it.
  ///
  /// - Parameters:
  ///   - unitCode: The unit the request acts for or on.
  ///   - field: The request field that named it, for the message.
  ///   - isUnder: Whether the first unit is within the subtree of the second; only the unit
  ///     itself by default.
  public func requireScope(
    over unitCode: String, field: String, isUnder: (String, String) -> Bool = { _, _ in false }
  ) throws(RPCError) {
    guard let own = ownUnitLimit, unitCode != own, !isUnder(unitCode, own) else { return }
    throw RPCError(
      code: .permissionDenied,
      message: "\(field): \(unitCode.isEmpty ? "no unit" : unitCode) is outside the caller's scope; a clerk of \(own) acts only for \(own) and the units under it")
  }
}
