import GRDB

/// A row of a table as a plain `Codable` struct whose camel-case properties are the table's
/// snake-case columns (`docSeq` is `doc_seq`, `sentUs` is `sent_us`), so that no record spells
/// its columns out in `CodingKeys`.
///
/// A record conforms and names its table:
///
/// ```swift
/// struct OrganRecord: SnakeCaseRecord {
///   static let databaseTableName = "exchange_organs"
///   var unitCode: String
///   var organId: String
/// }
/// ```
public protocol SnakeCaseRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {}

extension SnakeCaseRecord {
  public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
  public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
