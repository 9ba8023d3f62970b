import GRDB

/// The unit directory kept in the exchange's own store (`exchange_organs`): filled by
/// ``register(_:)`` (through ``ExchangeModule/registerOrgan(unitCode:organId:name:)``) until the
/// registry provides it.
///
/// A unit has one OrganId and an OrganId one unit; registering a unit again replaces its entry.
public struct StoredUnitDirectory: UnitDirectory {
  let store: ExchangeStore

  init(store: ExchangeStore) {
    self.store = store
  }

  /// Records that `organ.unitCode` is addressed as `organ.organId` under `organ.name`, in one
  /// transaction; an OrganId already held by another unit is refused.
  public func register(_ organ: UnitOrgan) async throws {
    try await store.pool.write { db in
      if let holder = try OrganRecord.filter(Column("organ_id") == organ.organId).fetchOne(db),
        holder.unitCode != organ.unitCode
      {
        throw DirectoryConflict(organId: organ.organId, holder: holder.unitCode, claimant: organ.unitCode)
      }
      var record = OrganRecord(unitCode: organ.unitCode, organId: organ.organId, name: organ.name)
      try record.upsert(db)
    }
  }

  public func organ(forUnit unitCode: String) async throws -> UnitOrgan? {
    try await store.pool.read { db in
      try OrganRecord.fetchOne(db, key: unitCode).map(Self.organ)
    }
  }

  public func unit(forOrgan organId: String) async throws -> UnitOrgan? {
    try await store.pool.read { db in
      try OrganRecord.filter(Column("organ_id") == organId).fetchOne(db).map(Self.organ)
    }
  }

  public func allUnits() async throws -> [UnitOrgan] {
    try await store.pool.read { db in
      try OrganRecord.order(Column("unit_code")).fetchAll(db).map(Self.organ)
    }
  }

  private static func organ(_ record: OrganRecord) -> UnitOrgan {
    UnitOrgan(unitCode: record.unitCode, organId: record.organId, name: record.name)
  }
}
