import Foundation
import ReformModule
import ReformWire

/// The `inspection` module: the inspection commission's annual programme of inspections and
/// supervisions — the working-day calendar with the government's yearly notice, units' risk,
/// planning, replanning after changes, and export as CSV or iCalendar.
///
/// Its rules are in `InspectionDomain`; this module keeps calendars' notices and programmes
/// (every version) in its SQLite tables and serves `reform.v1.Inspection`.
///
/// ## Topics
/// - ``init(databasePath:riskSource:now:)``
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

  /// The module on the database at `databasePath`, created with its tables if missing.
  ///
  /// - Parameters:
  ///   - riskSource: where units' indicators and ratings are read for risks; `nil` (the
  ///     default) for none, so a risk that weighs them is refused, naming what is missing.
  ///   - now: the current instant; tests fix it to fix "today".
  public init(
    databasePath: String, riskSource: (any RiskSource)? = nil, now: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    let directory = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let store: any InspectionStoring = try InspectionStore(path: databasePath)
    handlers = InspectionHandlers(store: store, risks: RiskCalculator(source: riskSource, store: store), now: now)
  }

  /// Registers every method of `reform.v1.Inspection`.
  public func register(into methods: inout ModuleMethods) {
    handlers.register(into: &methods)
  }
}
