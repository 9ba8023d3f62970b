import Classification
import Diagnostics
import Exchange
import Foundation
import Inspection
import ReformModule
import ReformModuleTesting
import ReformWire
import Registry
import Testing

/// The module-call graph: what each module declares it calls (``WorkerModule/calls``), joined.
/// No chain of calls may come back to a module it passed through, or a module whose worker
/// slots are all taken by outer calls waits on itself until they time out.
@Suite("The module-call graph")
struct ModuleCallGraphTests {
  /// Every module `reformd worker --module` hosts, made as it makes them, with calls that stay
  /// in this process.
  static func modules(in folder: TemporaryFolder, calls: InProcessCalls) throws -> [any WorkerModule] {
    [
      try DiagnosticsModule(dataDirectory: folder.file("diagnostics")),
      try RegistryModule(databasePath: folder.file("registry.sqlite"), exchangeCounts: ModuleExchangeCounts(calls: calls)),
      try ClassificationModule(databasePath: folder.file("classification.sqlite")),
      try ExchangeModule(
        databasePath: folder.file("exchange.sqlite"), dataDirectory: folder.file("exchange"),
        units: RegistryUnitDirectory(calls: calls)),
      try InspectionModule(databasePath: folder.file("inspection.sqlite"), riskSource: ModuleRiskSource(calls: calls)),
    ]
  }

  @Test func noChainOfDeclaredCallsComesBackToAModule() throws {
    let folder = try TemporaryFolder("module-graph")
    let modules = try Self.modules(in: folder, calls: InProcessCalls())
    let methods = modules.flatMap { module in
      var registered = ModuleMethods()
      module.register(into: &registered)
      return registered.paths
    }
    let declared = modules.flatMap(\.calls)
    for call in declared {
      #expect(methods.contains(call.callee), "\(call): no module serves the method called")
      #expect(methods.contains { call.isMade(by: $0) }, "\(call): no module serves the calling method")
    }
    /// Follows every chain from `path`; `services` are those the chain passed through.
    func walk(_ path: String, through services: [String]) {
      let service = ModuleCall.service(of: path)
      guard !services.contains(service) else {
        Issue.record("a chain of calls comes back to \(service): \((services + [service]).joined(separator: " → "))")
        return
      }
      for call in declared where call.isMade(by: path) {
        walk(call.callee, through: services + [service])
      }
    }
    for path in methods { walk(path, through: []) }
  }

  @Test func theRegistryCallsTheExchangeForIndicatorThreeAAndTheExchangeDoesNotCallBack() async throws {
    let folder = try TemporaryFolder("module-graph")
    let calls = InProcessCalls()
    let modules = try Self.modules(in: folder, calls: calls)
    for module in modules { calls.add(module) }
    let registry = try #require(modules.compactMap { $0 as? RegistryModule }.first)
    let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Deploy/demo").standardized.path
    try await registry.loadDemo(from: demo)

    let computed = try await calls.call(
      RegistryService.ComputeIndicators.self,
      ComputeIndicatorsRequest(setId: "01-NQ-DUK-2020-2025", period: Period(type: .year, year: 2024), indicatorCodes: ["3a"], dryRun: true),
      timeout: nil)
    #expect(!computed.values.isEmpty, "3a is computed from the exchange's counts")
    #expect(calls.called == [RegistryService.ComputeIndicators.info.path, ExchangeService.CountDocuments.info.path])
    let declared = registry.calls.filter { $0.isMade(by: RegistryService.ComputeIndicators.info.path) }.map(\.callee)
    #expect(declared == [ExchangeService.CountDocuments.info.path])
  }
}
