/// Where a module keeps its state: the embedded default, a SQLite file, or a PostgreSQL
/// database shared by workers on several hosts (`--database-url`).
public enum StoreLocation: Sendable, CustomStringConvertible {
  /// A SQLite file; other modules of one `reformd up` may share it.
  case sqlite(path: String)
  /// A PostgreSQL database; the module's tables are in `schema` (the module's name when nil).
  case postgres(PostgresSettings, schema: String? = nil)

  public var description: String {
    switch self {
    case .sqlite(let path): "SQLite file \(path)"
    case .postgres(let settings, let schema): "PostgreSQL \(settings)\(schema.map { ", schema \($0)" } ?? "")"
    }
  }
}
