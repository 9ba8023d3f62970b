import Foundation
import GRPCCore
import ReformModule
import ReformWire

/// The `exchange` module: official documents sent between the bloc's agencies, their
/// attachments, the receivers' status notices and recall, as the national document exchange does
/// it (edXML, QCVN 102:2016/BTTTT; metadata of Nghị định 30/2020/NĐ-CP).
///
/// Every method of `reform.v1.Exchange` is served by ``ExchangeHandlers``; the rules are the
/// `ExchangeDomain` target's. Documents, copies and notices live in SQLite (`exchange_*`
/// tables), attachment content in files under the data directory. Any number of worker
/// processes may serve the module on one database file and one data directory.
///
/// ## Topics
/// - ``init(databasePath:dataDirectory:units:clock:)``
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
  private let handlers: ExchangeHandlers<ExchangeStore>

  /// Opens (creating and migrating when needed) the module's store.
  ///
  /// - Parameters:
  ///   - databasePath: the SQLite file; other modules may share it.
  ///   - dataDirectory: where attachment content is kept (`DATA/exchange`); created when missing.
  ///   - units: which unit owns which OrganId; nil for ``organs``, the table in the module's store.
  ///   - clock: the current instant; the system clock unless a test fixes it.
  public init(
    databasePath: String, dataDirectory: String, units: (any UnitDirectory)? = nil,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    let store = try ExchangeStore(path: databasePath)
    organs = StoredUnitDirectory(store: store)
    handlers = ExchangeHandlers(
      store: store, blobs: try BlobFolder(path: dataDirectory + "/attachments"), units: units ?? organs,
      clock: clock)
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
    handlers.register(into: &methods)
  }
}
