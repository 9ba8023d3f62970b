import GRDB

/// A row of one of the inspection's tables: a plain `Codable` struct whose camel-case
/// properties are the table's snake-case columns.
protocol InspectionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {}

extension InspectionRecord {
  static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
  static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
