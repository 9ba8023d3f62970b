import Foundation
import ReformModule
import ReformStore
import ReformWire
import RegistryDomain

/// The `registry` module: the bloc's units and people, bulk CSV import and export, indicator
/// sets, the values units report and their workflow, the indicators computed from the people
/// (and, through ``ExchangeCountProvider``, from the exchange), and reports against the
/// resolution's targets.
///
/// Its state is one SQLite file, shared by every worker process of the module on one host, or
/// for workers on several hosts a PostgreSQL database (the same tables in the schema
/// `registry`); each process keeps the registry in memory and reloads what another changed
/// (see `RegistryStore` and `RegistryPostgresStore`).
///
/// ## Topics
/// - Hosting: ``init(store:exchangeCounts:clock:)``, ``init(databasePath:exchangeCounts:clock:)``, ``name``,
///   ``register(into:)``
/// - Demo data: ``loadDemo(from:)``
/// - The exchange hook: ``ExchangeCountProvider``
public struct RegistryModule: WorkerModule {
  public let name = "registry"
  /// Indicator 3a's counts (``ModuleExchangeCounts``); the units go with their OrganIds, so the
  /// exchange never calls back.
  public var calls: [ModuleCall] { [ModuleCall(RegistryService.ComputeIndicators.self, calls: ExchangeService.CountDocuments.self)] }
  let store: any RegistryStoring
  let exchangeCounts: (any ExchangeCountProvider)?

  /// Opens the registry's file, creating it and its tables when new.
  ///
  /// - Parameters:
  ///   - databasePath: the SQLite file (`DATA/reform.sqlite` under `reformd up`); the registry
  ///     owns its `registry_` tables in it.
  ///   - exchangeCounts: the exchange module's counts for indicator 3a; `nil` leaves 3a not
  ///     computed.
  ///   - clock: the current instant, for record times and "today" (Vietnam's date).
  public init(
    databasePath: String, exchangeCounts: (any ExchangeCountProvider)? = nil,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    try self.init(store: .sqlite(path: databasePath), exchangeCounts: exchangeCounts, clock: clock)
  }

  /// The module on the store `location` names: a SQLite file (created with its tables when
  /// new), or a PostgreSQL database that workers on other hosts share (migrated before its
  /// first use).
  public init(
    store location: StoreLocation, exchangeCounts: (any ExchangeCountProvider)? = nil,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    switch location {
    case .sqlite(let path): store = try RegistryStore(path: path, clock: clock)
    case .postgres(let settings, let schema):
      store = try RegistryPostgresStore(settings: settings, schema: schema ?? "registry", clock: clock)
    }
    self.exchangeCounts = exchangeCounts
  }

  public func register(into methods: inout ModuleMethods) {
    Self.register(store, exchange: exchangeCounts, into: &methods)
  }

  /// The handlers on `store`, whichever engine it is.
  private static func register(_ store: some RegistryStoring, exchange: (any ExchangeCountProvider)?, into methods: inout ModuleMethods) {
    RegistryHandlers(store: store, exchange: exchange).register(into: &methods)
  }
}
