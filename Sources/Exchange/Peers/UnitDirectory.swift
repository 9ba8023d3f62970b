import ExchangeDomain

/// Where the exchange learns which registry unit owns which OrganId: principals name units by
/// `unit_code`, documents name organs by OrganId, and every call needs both.
///
/// The module reads the directory before it writes, never inside a write transaction, so an
/// implementation may be slow or remote (the registry, through the coordinator).
/// ``StoredUnitDirectory`` keeps the entries in the module's own store.
///
/// ## Topics
/// - ``organ(forUnit:)``, ``unit(forOrgan:)``: the two look-ups.
/// - ``allUnits()``: every unit, for the calls that default to "every unit".
public protocol UnitDirectory: Sendable {
  /// The unit with code `unitCode`, or nil when the directory has no OrganId for it.
  func organ(forUnit unitCode: String) async throws -> UnitOrgan?

  /// The unit that owns `organId`, or nil when the OrganId is not a unit of the registry.
  func unit(forOrgan organId: String) async throws -> UnitOrgan?

  /// Every unit the directory knows, ordered by unit code.
  func allUnits() async throws -> [UnitOrgan]
}
