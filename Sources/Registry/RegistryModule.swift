import Foundation
import ReformModule
import ReformWire
import RegistryDomain

/// The `registry` module: the bloc's units and people, bulk CSV import and export, indicator
/// sets, the values units report and their workflow, the indicators computed from the people
/// (and, through ``ExchangeCountProvider``, from the exchange), and reports against the
/// resolution's targets.
///
/// Its state is one SQLite file, shared by every worker process of the module; each process
/// keeps the registry in memory and reloads what another changed (see `RegistryStore`).
///
/// ## Topics
/// - Hosting: ``init(databasePath:exchangeCounts:clock:)``, ``name``, ``register(into:)``
/// - Demo data: ``loadDemo(from:)``
/// - The exchange hook: ``ExchangeCountProvider``
public struct RegistryModule: WorkerModule {
  public let name = "registry"
  /// Indicator 3a's counts (``ModuleExchangeCounts``); the units go with their OrganIds, so the
  /// exchange never calls back.
  public var calls: [ModuleCall] { [ModuleCall(RegistryService.ComputeIndicators.self, calls: ExchangeService.CountDocuments.self)] }
  let store: RegistryStore
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
    store = try RegistryStore(path: databasePath, clock: clock)
    self.exchangeCounts = exchangeCounts
  }

  public func register(into methods: inout ModuleMethods) {
    RegistryHandlers(store: store, exchange: exchangeCounts).register(into: &methods)
  }
}
