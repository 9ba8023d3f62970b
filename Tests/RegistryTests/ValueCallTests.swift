import Foundation
import GRPCCore
import ReformWire
import Registry
import Testing

@Suite("Values and the period workflow")
struct ValueCallTests {
  static func report(_ unit: String, _ entries: [IndicatorValueEntry], key: String = "") -> ReportValuesRequest {
    ReportValuesRequest(setId: set01, unitCode: unit, period: year(2024), entries: entries, idempotencyKey: key)
  }

  @Test func aClerkOfAnotherUnitIsRefusedBeforeAnythingIsChecked() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let refused = await status {
      try await registry.call(
        RegistryService.ReportValues.self, Self.report("DBCS-C", [IndicatorValueEntry(indicatorCode: "2", numerator: 9, denominator: 1)]),
        as: RegistryHarness.clerk(of: "CBCS-B"))
    }
    #expect(refused?.code == .permissionDenied)
    #expect(refused?.message.hasPrefix("unit_code:") == true)
    let submit = await status {
      try await registry.call(
        RegistryService.SubmitPeriod.self, SubmitPeriodRequest(setId: "nonsense", unitCode: "DBCS-A", period: nil),
        as: RegistryHarness.clerk(of: "CBCS-B"))
    }
    #expect(submit?.code == .permissionDenied)
    let values = try await registry.call(RegistryService.ListValues.self, ListValuesRequest(setId: set01))
    #expect(values.values.isEmpty)
  }

  @Test func aClerkReportsForTheirUnitAndARepeatChangesNothing() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let clerk = RegistryHarness.clerk(of: "DBCS-A")
    let request = Self.report(
      "DBCS-A",
      [IndicatorValueEntry(indicatorCode: "2", numerator: 1, denominator: 1), IndicatorValueEntry(indicatorCode: "3b", numerator: 120, denominator: 400)],
      key: "dbcs-a-2024")
    let first = try await registry.call(RegistryService.ReportValues.self, request, as: clerk)
    #expect(first.values.map(\.indicatorCode) == ["2", "3b"])
    #expect(first.values.allSatisfy { $0.revision == 1 && $0.origin == .reported && $0.reportedBy?.id == "clerk-DBCS-A" })
    #expect(first.state?.missingIndicatorCodes == ["3c", "3d", "3e", "4a", "5"])
    let repeated = try await registry.call(RegistryService.ReportValues.self, request, as: clerk)
    #expect(repeated == first)
    var unkeyed = request
    unkeyed.idempotencyKey = ""
    let sameValues = try await registry.call(RegistryService.ReportValues.self, unkeyed, as: clerk)
    #expect(sameValues.values.map(\.revision) == [1, 1])
    var changed = request
    changed.entries[1].numerator = 200
    let conflict = await status { try await registry.call(RegistryService.ReportValues.self, changed, as: clerk) }
    #expect(conflict?.code == .alreadyExists)
  }

  @Test func valuesThatBreakTheSetsRulesNameTheEntry() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let tooMany = await status {
      try await registry.call(RegistryService.ReportValues.self, Self.report("DBCS-A", [IndicatorValueEntry(indicatorCode: "3b", numerator: 5, denominator: 4)]))
    }
    #expect(tooMany?.code == .invalidArgument)
    #expect(tooMany?.message.hasPrefix("entries[0].numerator:") == true)
    let computed = await status {
      try await registry.call(RegistryService.ReportValues.self, Self.report("DBCS-A", [IndicatorValueEntry(indicatorCode: "1", numerator: 1, denominator: 1)]))
    }
    #expect(computed?.code == .failedPrecondition)
    let negative = await status {
      try await registry.call(
        RegistryService.ReportValues.self,
        Self.report("DBCS-A", [IndicatorValueEntry(indicatorCode: "2", numerator: 1, denominator: 1), IndicatorValueEntry(indicatorCode: "3c", numerator: -1, denominator: Int64.min)]))
    }
    #expect(negative?.message.hasPrefix("entries[1].numerator:") == true)
    let values = try await registry.call(RegistryService.ListValues.self, ListValuesRequest(setId: set01))
    #expect(values.values.isEmpty)
  }

  @Test func approvalLocksValuesAndReopeningIsRecordedWithItsReason() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let clerk = RegistryHarness.clerk(of: "CBCS-B")
    _ = try await registry.call(
      RegistryService.ReportValues.self, Self.report("CBCS-B", [IndicatorValueEntry(indicatorCode: "2", numerator: 1, denominator: 1)]), as: clerk)
    let missing = await status {
      try await registry.call(RegistryService.SubmitPeriod.self, SubmitPeriodRequest(setId: set01, unitCode: "CBCS-B", period: year(2024)), as: clerk)
    }
    #expect(missing?.code == .failedPrecondition)
    let submitted = try await registry.call(
      RegistryService.SubmitPeriod.self, SubmitPeriodRequest(setId: set01, unitCode: "CBCS-B", period: year(2024), allowMissing: true), as: clerk)
    #expect(submitted.state?.status == .submitted)
    let approved = try await registry.call(
      RegistryService.ApprovePeriod.self, ApprovePeriodRequest(setId: set01, unitCodes: ["CBCS-B"], period: year(2024)))
    #expect(approved.states.map(\.status) == [.approved])
    let locked = await status {
      try await registry.call(
        RegistryService.ReportValues.self, Self.report("CBCS-B", [IndicatorValueEntry(indicatorCode: "2", numerator: 0, denominator: 1)]), as: clerk)
    }
    #expect(locked?.code == .failedPrecondition)
    #expect(locked?.message.contains("APPROVED") == true)
    let noReason = await status {
      try await registry.call(RegistryService.ReopenPeriod.self, ReopenPeriodRequest(setId: set01, unitCode: "CBCS-B", period: year(2024)))
    }
    #expect(noReason?.message.hasPrefix("reason:") == true)
    let reopened = try await registry.call(
      RegistryService.ReopenPeriod.self, ReopenPeriodRequest(setId: set01, unitCode: "CBCS-B", period: year(2024), reason: "Số liệu 3b sai"))
    #expect(reopened.state?.transitions.map(\.toStatus) == [.submitted, .approved, .reopened])
    #expect(reopened.state?.transitions.last?.reason == "Số liệu 3b sai")
    _ = try await registry.call(
      RegistryService.ReportValues.self, Self.report("CBCS-B", [IndicatorValueEntry(indicatorCode: "2", numerator: 0, denominator: 1)]), as: clerk)
    let states = try await registry.call(RegistryService.ListPeriodStates.self, ListPeriodStatesRequest(setId: set01, period: year(2024)))
    #expect(states.states.map(\.unitCode) == ["CBCS-B", "DBCS-A", "DBCS-A-01", "DBCS-A-02", "DBCS-C"])
    #expect(states.states.first?.status == .reopened)
    let notSubmitted = await status {
      try await registry.call(RegistryService.ApprovePeriod.self, ApprovePeriodRequest(setId: set01, unitCodes: ["CBCS-B", "DBCS-A"], period: year(2024)))
    }
    #expect(notSubmitted?.code == .failedPrecondition)
  }
}
