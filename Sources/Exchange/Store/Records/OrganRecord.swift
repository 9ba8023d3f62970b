import ExchangeDomain
import GRDB
import ReformStore

/// A row of `exchange_organs`: the directory kept in the module's own store.
struct OrganRecord: SnakeCaseRecord {
  static let databaseTableName = "exchange_organs"

  var unitCode: String
  var organId: String
  var name: String

  /// The entry as the directory gives it.
  var organ: UnitOrgan { UnitOrgan(unitCode: unitCode, organId: organId, name: name) }
}
