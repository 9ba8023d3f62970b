import ExchangeDomain
import Foundation
import GRPCCore
import ReformModule
import ReformStore
import ReformWire

/// The `exchange` module: official documents sent between the bloc's agencies, their
/// attachments, the receivers' status notices and recall, as the national document exchange does
/// it (edXML, QCVN 102:2016/BTTTT; metadata of Nghị định 30/2020/NĐ-CP).
///
/// Every method of `reform.v1.Exchange` is served by ``ExchangeHandlers``; the rules are the
/// `ExchangeDomain` target's. Documents, copies and notices live in SQLite (`exchange_*`
/// tables) or, for workers on several hosts, in PostgreSQL (the same tables in the schema
/// `exchange`); attachment content in files under the data directory. Any number of worker
/// processes may serve the module on one database and one data directory.
///
/// ## Topics
/// - ``init(store:dataDirectory:units:clock:)``, ``init(databasePath:dataDirectory:units:clock:)``
/// - ``registerOrgan(unitCode:organId:name:)``, ``organs``: the unit directory kept in the store.
/// - ``UnitDirectory``: where the module learns which unit owns which OrganId.
public struct ExchangeModule: WorkerModule {
  public let name = "exchange"
  /// The registry's unit directory (``RegistryUnitDirectory``) when resolving addressees;
  /// CountDocuments, which the registry calls, reads no directory of the registry's.
  public var calls: [ModuleCall] {
    [
      ModuleCall(ExchangeService.Send.self, calls: RegistryService.ListUnits.self),
      ModuleCall(ExchangeService.CheckDuplicates.self, calls: RegistryService.ListUnits.self),
      ModuleCall(ExchangeService.ImportEdxml.self, calls: RegistryService.ListUnits.self),
    ]
  }
  /// The unit directory kept in the module's own store; the one in use unless another was
  /// given at init.
  public let organs: StoredUnitDirectory
  private let registration: @Sendable (inout ModuleMethods) -> Void

  /// Opens (creating and migrating when needed) the module's store in the SQLite file
  /// `databasePath`; other modules may share it.
  public init(
    databasePath: String, dataDirectory: String, units: (any UnitDirectory)? = nil,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    try self.init(store: .sqlite(path: databasePath), dataDirectory: dataDirectory, units: units, clock: clock)
  }

  /// Opens the module's store where `store` says: a SQLite file, or a PostgreSQL database that
  /// workers on other hosts share (then migrated before its first use).
  ///
  /// - Parameters:
  ///   - dataDirectory: where attachment content is kept beside SQLite (`DATA/exchange`), and
  ///     staged for the edXML reader and writer beside PostgreSQL; created when missing.
  ///   - units: which unit owns which OrganId; nil for ``organs``, the table in the module's store.
  ///   - clock: the current instant; the system clock unless a test fixes it.
  public init(
    store location: StoreLocation, dataDirectory: String, units: (any UnitDirectory)? = nil,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    let blobs = try BlobFolder(path: dataDirectory + "/attachments")
    switch location {
    case .sqlite(let path):
      let store = try ExchangeStore(path: path)
      organs = StoredUnitDirectory(store: store)
      let handlers = ExchangeHandlers(store: store, content: blobs, units: units ?? organs, clock: clock)
      registration = { handlers.register(into: &$0) }
    case .postgres(let settings, let schema):
      let store = try ExchangePostgresStore(settings: settings, schema: schema ?? name)
      organs = StoredUnitDirectory(store: store)
      let content = PostgresContent(database: store.database, folder: blobs, clock: clock)
      let handlers = ExchangeHandlers(store: store, content: content, units: units ?? organs, clock: clock)
      registration = { handlers.register(into: &$0) }
    }
  }

  /// Records that unit `unitCode` is addressed on the exchange as `organId` under `name`, in the
  /// module's own directory (``organs``). Until the registry provides the directory, tests and
  /// the deployment fill it this way.
  ///
  /// - Throws: ``DirectoryConflict`` when another unit holds `organId`, or the store's error.
  public func registerOrgan(unitCode: String, organId: String, name: String) async throws {
    try await organs.register(UnitOrgan(unitCode: unitCode, organId: organId, name: name))
  }

  public func register(into methods: inout ModuleMethods) {
    registration(&methods)
  }
}
