import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Registry
import Testing

/// Members' records (birth dates, ethnicity, Party data) read by a clerk: only their own unit's
/// subtree, by every path — get, list, export — and each read says what it read for the
/// audit log. The coordinator limits the clerk (`ownUnitLimit`) because the policy rows of
/// these methods grant clerks their own unit only.
@Suite("Personal reads are confined to the clerk's unit")
struct PersonalReadScopeTests {
  @Test func aClerkGetsTheirUnitsPersonAndIsRefusedAnotherUnitsNamingTheField() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let clerk = RegistryHarness.clerk(of: "DBCS-A")
    let context = RegistryHarness.context(RegistryService.GetPerson.self, caller: clerk, ownUnit: "DBCS-A")
    let own = try await registry.methods.invoke(RegistryService.GetPerson.self, GetPersonRequest(id: "P1"), context: context)
    #expect(own.person?.fullName == "Nguyễn Văn An")
    #expect(context.audit.value.target == "person P1")
    #expect(context.audit.value.unit == "DBCS-A-01")
    let other = await status {
      try await registry.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P3"), as: clerk)
    }
    #expect(other?.code == .permissionDenied)
    #expect(other?.message.hasPrefix("id: CBCS-B is outside the caller's scope") == true)
    // Naming nobody is malformed for every caller, and a missing person is missing: neither
    // is a question of scope.
    let none = await status { try await registry.call(RegistryService.GetPerson.self, GetPersonRequest(), as: clerk) }
    #expect(none?.code == .invalidArgument)
    let missing = await status { try await registry.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P99"), as: clerk) }
    #expect(missing?.code == .notFound)
  }

  @Test func aClerksListIsFilteredToTheirSubtreeAndAudited() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let clerk = RegistryHarness.clerk(of: "DBCS-A")
    let context = RegistryHarness.context(RegistryService.ListPeople.self, caller: clerk, ownUnit: "DBCS-A")
    let listed = try await registry.methods.invoke(RegistryService.ListPeople.self, ListPeopleRequest(), context: context)
    #expect(listed.people.map(\.id) == ["P2", "P1"])  // by name: Lò Thị Bình, Nguyễn Văn An
    #expect(listed.page?.totalCount == 2)
    #expect(context.audit.value.target == "people listed: 2 of 2")
    #expect(context.audit.value.unit == "DBCS-A")
    for request in [ListPeopleRequest(subtreeCode: "DUK"), ListPeopleRequest(unitCode: "CBCS-B"), ListPeopleRequest(nameQuery: "P3")] {
      let refusedOrEmpty = await status { try await registry.call(RegistryService.ListPeople.self, request, as: clerk) }
      if let refusedOrEmpty {
        #expect(refusedOrEmpty.code == .permissionDenied)
      } else {
        let people = try await registry.call(RegistryService.ListPeople.self, request, as: clerk).people
        #expect(people.isEmpty)
      }
    }
  }

  @Test func aClerksExportOfPeopleAndStudiesHoldsOnlyTheirSubtree() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let clerk = RegistryHarness.clerk(of: "CBCS-B")
    for kind in [RegistryCsvKind.people, .studies] {
      let chunks = try await registry.stream(RegistryService.ExportCsv.self, RegistryExportCsvRequest(kind: kind), as: clerk)
      let text = String(decoding: chunks.flatMap(\.data), as: UTF8.self)
      #expect(!text.contains("P1,") && !text.contains("P2,"), "\(kind): \(text)")
    }
    let people = try await registry.stream(RegistryService.ExportCsv.self, RegistryExportCsvRequest(kind: .people), as: clerk)
    #expect(people.map(\.rows).reduce(0, +) == 1)
    let refused = await status {
      try await registry.stream(RegistryService.ExportCsv.self, RegistryExportCsvRequest(kind: .people, subtreeCode: "DUK"), as: clerk)
    }
    #expect(refused?.code == .permissionDenied)
    #expect(refused?.message.hasPrefix("subtree_code:") == true)
  }

  /// Writes a clerk may make name a unit whose stored records are keyed by that unit (values
  /// and period states are keyed by set, unit and period), so the unit checked is the owner of
  /// every record touched; another unit's values stay as they were.
  @Test func aClerkCannotReportOrSubmitForAnotherUnitsStoredValues() async throws {
    let registry = try await RegistryHarness.smallBloc()
    _ = try await registry.call(
      RegistryService.ReportValues.self,
      ValueCallTests.report("CBCS-B", [IndicatorValueEntry(indicatorCode: "3b", numerator: 1, denominator: 2)]))
    let before = try await registry.call(RegistryService.ListValues.self, ListValuesRequest(setId: set01))
    let clerk = RegistryHarness.clerk(of: "DBCS-A")
    let report = await status {
      try await registry.call(
        RegistryService.ReportValues.self,
        ValueCallTests.report("CBCS-B", [IndicatorValueEntry(indicatorCode: "3b", numerator: 2, denominator: 2)]), as: clerk)
    }
    #expect(report?.code == .permissionDenied)
    let submit = await status {
      try await registry.call(
        RegistryService.SubmitPeriod.self,
        SubmitPeriodRequest(setId: set01, unitCode: "CBCS-B", period: year(2024), allowMissing: true), as: clerk)
    }
    #expect(submit?.code == .permissionDenied)
    #expect(try await registry.call(RegistryService.ListValues.self, ListValuesRequest(setId: set01)) == before)
  }
}
