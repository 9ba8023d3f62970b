import GRDB

/// A row of one of the exchange's tables: a plain `Codable` struct whose camel-case properties
/// are the table's snake-case columns.
protocol ExchangeRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {}

extension ExchangeRecord {
  static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
  static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
