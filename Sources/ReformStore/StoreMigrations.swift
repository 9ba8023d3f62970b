import GRDB

/// A store's schema changes, named one way in every module: `<module>.v<N>.<what>`, e.g.
/// `exchange.v1.documents`, registered once and in order (GRDB's `DatabaseMigrator`). A
/// migration, once released, is never edited: a change is a new migration registered after
/// the others.
///
/// A file written by a release that named its migrations otherwise (`v1: token`) keeps
/// working: ``renaming(_:to:)`` lists the old ids with their new names, and
/// ``StoreDatabase`` renames them in GRDB's table of applied migrations before migrating, so
/// nothing is applied twice.
///
/// ```swift
/// enum InspectionMigrations {
///   static var all: StoreMigrations {
///     var migrations = StoreMigrations(module: "inspection")
///     migrations.register(1, "calendar-notices") { db in try db.create(table: …) }
///     migrations.register(1, "programmes") { db in … }
///     return migrations
///   }
/// }
/// ```
///
/// ## Topics
/// - ``init(module:)``, ``register(_:_:_:)``, ``id(module:version:what:)``
/// - ``renaming(_:to:)``, ``renamed``
/// - ``migrator``, ``ids``
public struct StoreMigrations: Sendable {
  /// The module whose ids these are, e.g. `exchange`.
  public let module: String
  /// Every registered migration's id, in order.
  public private(set) var ids: [String] = []
  /// Old ids with the id each stands for now.
  public private(set) var renamed: [String: String] = [:]
  /// GRDB's migrator, with every migration registered.
  public private(set) var migrator = DatabaseMigrator()

  public init(module: String) {
    self.module = module
  }

  /// The id of migration `what` of schema version `version` of `module`.
  public static func id(module: String, version: Int, what: String) -> String { "\(module).v\(version).\(what)" }

  /// Registers the migration `<module>.v<version>.<what>` after those registered before.
  public mutating func register(
    _ version: Int, _ what: String, _ migrate: @escaping @Sendable (Database) throws -> Void
  ) {
    let id = Self.id(module: module, version: version, what: what)
    ids.append(id)
    migrator.registerMigration(id, migrate: migrate)
  }

  /// Records that a file may hold `old`, applied by an earlier release, for what is now `new`.
  public mutating func renaming(_ old: String, to new: String) {
    renamed[old] = new
  }

  /// Renames the recorded ids of ``renamed`` in one transaction; nothing when the file has no
  /// migrations yet or none under an old id.
  func renameRecordedIDs(in writer: some DatabaseWriter) throws {
    guard !renamed.isEmpty else { return }
    try writer.write { db in
      guard try db.tableExists("grdb_migrations") else { return }
      for (old, new) in renamed.sorted(by: { $0.key < $1.key }) {
        try db.execute(
          sql: "UPDATE grdb_migrations SET identifier = ? WHERE identifier = ? AND NOT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = ?)",
          arguments: [new, old, new])
      }
    }
  }
}
