import GRPCCore

extension JobContext {
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
