import Foundation
import ReformModule
import ReformStore
import ReformWire

/// The `inspection` module: the inspection commission's annual programme of inspections and
/// supervisions — the working-day calendar with the government's yearly notice, units' risk,
/// planning, replanning after changes, and export as CSV or iCalendar.
///
/// Its rules are in `InspectionDomain`; this module keeps calendars' notices and programmes
/// (every version) in SQLite (`inspection_*` tables) or, for workers on several hosts, in
/// PostgreSQL (the same tables in the schema `inspection`), and serves `reform.v1.Inspection`.
/// Any number of worker processes may serve the module on one database.
///
/// ## Topics
/// - ``init(store:riskSource:now:)``, ``init(databasePath:riskSource:now:)``
/// - ``register(into:)``
/// - ``RiskSource``
public struct InspectionModule: WorkerModule {
  public let name = "inspection"
  /// The risk source (``ModuleRiskSource``): the registry's report and the ratings' summary.
  public var calls: [ModuleCall] {
    [ModuleCall(anyMethodLike: InspectionService.Plan.self, calls: RegistryService.Report.self),
     ModuleCall(anyMethodLike: InspectionService.Plan.self, calls: ClassificationService.Summary.self)]
  }
  private let handlers: InspectionHandlers

  /// The module on the SQLite file at `databasePath`, created with its tables if missing.
  public init(
    databasePath: String, riskSource: (any RiskSource)? = nil, now: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    try self.init(store: .sqlite(path: databasePath), riskSource: riskSource, now: now)
  }

  /// The module on the store `store` names: a SQLite file (its folder and tables created if
  /// missing), or a PostgreSQL database that workers on other hosts share (migrated before
  /// its first use).
  ///
  /// - Parameters:
  ///   - riskSource: where units' indicators and ratings are read for risks; `nil` (the
  ///     default) for none, so a risk that weighs them is refused, naming what is missing.
  ///   - now: the current instant; tests fix it to fix "today".
  public init(
    store location: StoreLocation, riskSource: (any RiskSource)? = nil,
    now: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    let store: any InspectionStoring
    switch location {
    case .sqlite(let path):
      let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      store = try InspectionStore(path: path)
    case .postgres(let settings, let schema):
      store = try InspectionPostgresStore(settings: settings, schema: schema ?? name)
    }
    handlers = InspectionHandlers(store: store, risks: RiskCalculator(source: riskSource, store: store), now: now)
  }

  /// Registers every method of `reform.v1.Inspection`.
  public func register(into methods: inout ModuleMethods) {
    handlers.register(into: &methods)
  }
}
