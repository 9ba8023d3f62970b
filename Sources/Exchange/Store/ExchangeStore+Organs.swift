import ExchangeDomain
import GRDB

extension ExchangeStore {
  /// Records that `organ.unitCode` is addressed as `organ.organId` under `organ.name`, in one
  /// transaction, replacing the unit's entry; an OrganId already held by another unit is refused
  /// (``DirectoryConflict``).
  func registerOrgan(_ organ: UnitOrgan) async throws {
    try await database.write { db in
      if let holder = try OrganRecord.filter(Column("organ_id") == organ.organId).fetchOne(db),
        holder.unitCode != organ.unitCode
      {
        throw DirectoryConflict(organId: organ.organId, holder: holder.unitCode, claimant: organ.unitCode)
      }
      var record = OrganRecord(unitCode: organ.unitCode, organId: organ.organId, name: organ.name)
      try record.upsert(db)
    }
  }

  /// The entry of unit `unitCode`, if it has one.
  func organ(forUnit unitCode: String) async throws -> UnitOrgan? {
    try await database.read { db in try OrganRecord.fetchOne(db, key: unitCode)?.organ }
  }

  /// The unit that holds `organId`, if any.
  func unit(forOrgan organId: String) async throws -> UnitOrgan? {
    try await database.read { db in try OrganRecord.filter(Column("organ_id") == organId).fetchOne(db)?.organ }
  }

  /// Every entry, by unit code.
  func allOrgans() async throws -> [UnitOrgan] {
    try await database.read { db in try OrganRecord.order(Column("unit_code")).fetchAll(db).map(\.organ) }
  }
}
