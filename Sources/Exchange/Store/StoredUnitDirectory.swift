import ExchangeDomain

/// The unit directory kept in the exchange's own store (`exchange_organs`): filled by
/// ``register(_:)`` (through ``ExchangeModule/registerOrgan(unitCode:organId:name:)``) until the
/// registry provides it.
///
/// A unit has one OrganId and an OrganId one unit; registering a unit again replaces its entry.
public struct StoredUnitDirectory: UnitDirectory {
  let store: any ExchangeStoring

  init(store: any ExchangeStoring) {
    self.store = store
  }

  /// Records that `organ.unitCode` is addressed as `organ.organId` under `organ.name`, in one
  /// transaction; an OrganId already held by another unit is refused (``DirectoryConflict``).
  public func register(_ organ: UnitOrgan) async throws {
    try await store.registerOrgan(organ)
  }

  public func organ(forUnit unitCode: String) async throws -> UnitOrgan? {
    try await store.organ(forUnit: unitCode)
  }

  public func unit(forOrgan organId: String) async throws -> UnitOrgan? {
    try await store.unit(forOrgan: organId)
  }

  public func allUnits() async throws -> [UnitOrgan] {
    try await store.allOrgans()
  }
}
