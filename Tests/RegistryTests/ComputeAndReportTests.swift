import Foundation
import GRPCCore
import ReformWire
import Registry
import RegistryDomain
import Testing

/// Exchange counts from a table, as the exchange module would give them.
struct TableExchange: ExchangeCountProvider {
  let shares: [String: Ratio]
  func networkShares(of units: [RegistryDomain.OrgUnit], in period: RegistryDomain.Period) async throws -> [String: Ratio] {
    shares.filter { code, _ in units.contains { $0.code == code } }
  }
}

@Suite("Computed indicators and reports")
struct ComputeAndReportTests {
  @Test func indicatorsOneAndFourBAreComputedFromThePeopleAndThreeAWaitsForTheExchange() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let computed = try await registry.call(RegistryService.ComputeIndicators.self, ComputeIndicatorsRequest(setId: set01, period: year(2024)))
    let shares = Dictionary(uniqueKeysWithValues: computed.values.map { ("\($0.indicatorCode) \($0.unitCode)", "\($0.numerator)/\($0.denominator)") })
    #expect(shares == ["1 DBCS-A-01": "2/2", "1 CBCS-B": "0/1", "4b DBCS-A-01": "1/1", "4b CBCS-B": "0/1"])
    #expect(computed.values.allSatisfy { $0.origin == .computed })
    #expect(computed.skipped.map(\.indicatorCode) == ["3a"])
    let again = try await registry.call(RegistryService.ComputeIndicators.self, ComputeIndicatorsRequest(setId: set01, period: year(2024)))
    #expect(again.values.map(\.revision) == computed.values.map(\.revision))
  }

  @Test func threeAComesFromTheExchangeProviderWhenThereIsOne() async throws {
    let registry = try await RegistryHarness.smallBloc(exchange: TableExchange(shares: ["DBCS-A": Ratio(90, 100), "CBCS-B": Ratio(70, 100)]))
    let computed = try await registry.call(
      RegistryService.ComputeIndicators.self, ComputeIndicatorsRequest(setId: set01, period: year(2024), indicatorCodes: ["3a"], dryRun: true))
    #expect(computed.values.map(\.unitCode) == ["CBCS-B", "DBCS-A"])
    #expect(computed.skipped.map(\.unitCode) == ["DBCS-C"])
    let stored = try await registry.call(RegistryService.ListValues.self, ListValuesRequest(setId: set01))
    #expect(stored.values.isEmpty)
  }

  @Test func aUnitWhosePeriodIsApprovedKeepsItsValuesAndIsSkipped() async throws {
    let registry = try await RegistryHarness.smallBloc()
    _ = try await registry.call(
      RegistryService.SubmitPeriod.self, SubmitPeriodRequest(setId: set01, unitCode: "CBCS-B", period: year(2024), allowMissing: true))
    _ = try await registry.call(RegistryService.ApprovePeriod.self, ApprovePeriodRequest(setId: set01, unitCodes: ["CBCS-B"], period: year(2024)))
    let computed = try await registry.call(RegistryService.ComputeIndicators.self, ComputeIndicatorsRequest(setId: set01, period: year(2024)))
    #expect(!computed.values.contains { $0.unitCode == "CBCS-B" })
    #expect(computed.skipped.filter { $0.unitCode == "CBCS-B" }.map(\.indicatorCode) == ["1", "4b"])
  }

  @Test func aReportSumsNumeratorsAndDenominatorsUpTheTreeAndRanksUnits() async throws {
    let registry = try await RegistryHarness.smallBloc()
    for (unit, numerator) in [("DBCS-A", 1), ("DBCS-C", 0), ("CBCS-B", 1)] {
      _ = try await registry.call(
        RegistryService.ReportValues.self,
        ReportValuesRequest(setId: set01, unitCode: unit, period: year(2024), entries: [IndicatorValueEntry(indicatorCode: "2", numerator: Int64(numerator), denominator: 1)]))
    }
    _ = try await registry.call(RegistryService.ComputeIndicators.self, ComputeIndicatorsRequest(setId: set01, period: year(2024)))
    let report = try await registry.call(
      RegistryService.Report.self, RegistryReportRequest(setId: set01, periods: [year(2024)], indicatorCodes: ["1", "2"], format: .html))
    let rows = Dictionary(uniqueKeysWithValues: report.rows.map { ("\($0.indicatorCode) \($0.unitCode)", $0) })
    let root2 = try #require(rows["2 DUK"]?.result)
    #expect((root2.numerator, root2.denominator, root2.valueBasisPoints) == (2, 3, 6667))
    #expect(root2.outcome == .notMet)
    #expect((root2.unitsReported, root2.unitsExpected) == (3, 3))
    #expect(rows["2 DBCS-A"]?.rank == 1 && rows["2 CBCS-B"]?.rank == 1 && rows["2 DBCS-C"]?.rank == 3)
    let root1 = try #require(rows["1 DUK"]?.result)
    #expect((root1.numerator, root1.denominator) == (2, 3))
    #expect((root1.unitsReported, root1.unitsExpected, root1.coverageBasisPoints) == (2, 3, 6667))
    #expect(rows["1 DBCS-A"]?.result?.outcome == .met)
    #expect(report.rows.first?.unitCode == "DUK" && report.rows.first?.indicatorCode == "1")
    #expect(report.mediaType == "text/html; charset=utf-8")
    let html = String(decoding: report.rendered, as: UTF8.self)
    #expect(html.contains("Tỷ lệ tổ chức cơ sở đảng phối hợp với thủ trưởng cơ quan"))
    let csv = try await registry.call(
      RegistryService.Report.self, RegistryReportRequest(setId: set01, periods: [year(2023), year(2024)], format: .csv, omitRows: true))
    #expect(csv.rows.isEmpty)
    let text = String(decoding: csv.rendered, as: UTF8.self)
    #expect(text.components(separatedBy: "indicator_code,").count == 2)
    #expect(csv.fileName == "bao-cao-01-NQ-DUK-2020-2025-2023_2024.csv")
    let bad = await status { try await registry.call(RegistryService.Report.self, RegistryReportRequest(setId: set01, periods: [year(2024)], maxDepth: -1)) }
    #expect(bad?.message.hasPrefix("max_depth:") == true)
  }
}

@Suite("Persistence")
struct PersistenceTests {
  @Test func everythingSurvivesReopeningTheFile() async throws {
    let registry = try await RegistryHarness.smallBloc()
    _ = try await registry.call(
      RegistryService.ReportValues.self,
      ReportValuesRequest(setId: set01, unitCode: "CBCS-B", period: year(2024), entries: [IndicatorValueEntry(indicatorCode: "2", numerator: 1, denominator: 1, note: "Có kế hoạch")]))
    _ = try await registry.call(
      RegistryService.SubmitPeriod.self, SubmitPeriodRequest(setId: set01, unitCode: "CBCS-B", period: year(2024), allowMissing: true))
    _ = try await registry.call(
      RegistryService.MoveUnit.self, MoveUnitRequest(code: "DBCS-A-02", newParentCode: "DBCS-C", effective: CalendarDate(year: 2024, month: 7, day: 1)))
    let reopened = try registry.reopened()
    let unit = try await reopened.call(RegistryService.GetUnit.self, GetUnitRequest(code: "DBCS-A-02", includeHistory: true))
    #expect(unit.unit?.parentCode == "DBCS-C" && unit.unit?.revision == 2)
    #expect(unit.history.map(\.change) == [.created, .moved])
    let person = try await reopened.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P1"))
    #expect(person.person?.studies.first?.document?.document == "01-NQ/ĐUK")
    #expect(person.person?.partyMembership?.status == .official)
    let values = try await reopened.call(RegistryService.ListValues.self, ListValuesRequest(setId: set01, unitCode: "CBCS-B"))
    #expect(values.values.map(\.note) == ["Có kế hoạch"])
    #expect(values.values.first?.status == .submitted)
    let states = try await reopened.call(
      RegistryService.ListPeriodStates.self, ListPeriodStatesRequest(setId: set01, period: year(2024), unitCode: "CBCS-B"))
    #expect(states.states.first?.transitions.first?.actor?.id == "admin")
  }

  @Test func twoWorkersOnOneFileSeeEachOthersWrites() async throws {
    let first = try await RegistryHarness.smallBloc()
    let second = try first.reopened()
    _ = try await second.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P2"))
    _ = try await first.call(
      RegistryService.UpdatePerson.self, UpdatePersonRequest(person: ReformWire.Person(id: "P2", note: "Đã chuyển"), updateFields: ["note"]))
    let seen = try await second.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P2"))
    #expect(seen.person?.note == "Đã chuyển")
    _ = try await second.call(
      RegistryService.UpdateUnit.self, UpdateUnitRequest(unit: ReformWire.OrgUnit(code: "DBCS-C", shortName: "Tài chính"), updateFields: ["short_name"]))
    let unit = try await first.call(RegistryService.GetUnit.self, GetUnitRequest(code: "DBCS-C"))
    #expect(unit.unit?.shortName == "Tài chính")
    let people = try await second.call(RegistryService.ListPeople.self, ListPeopleRequest())
    #expect(people.people.count == 3)
  }

  /// A second worker holding the book takes in only what the first wrote since: a value
  /// reported, one withdrawn, one withdrawn and reported again, a period submitted.
  @Test func aWorkerHoldingTheBookTakesInValuesWithdrawalsAndStatesWrittenByAnother() async throws {
    let first = try await RegistryHarness.smallBloc()
    let second = try first.reopened()
    func report(_ unit: String, _ entries: [IndicatorValueEntry], on worker: RegistryHarness) async throws {
      _ = try await worker.call(
        RegistryService.ReportValues.self, ReportValuesRequest(setId: set01, unitCode: unit, period: year(2024), entries: entries))
    }
    func listed(_ worker: RegistryHarness) async throws -> [String: Int64] {
      let values = try await worker.call(RegistryService.ListValues.self, ListValuesRequest(setId: set01, periods: [year(2024)]))
      return Dictionary(uniqueKeysWithValues: values.values.map { ("\($0.unitCode) \($0.indicatorCode)", $0.numerator) })
    }
    try await report("DBCS-C", [IndicatorValueEntry(indicatorCode: "3b", numerator: 1, denominator: 10)], on: first)
    try await report("CBCS-B", [IndicatorValueEntry(indicatorCode: "3b", numerator: 2, denominator: 10)], on: first)
    #expect(try await listed(second) == ["DBCS-C 3b": 1, "CBCS-B 3b": 2])
    try await report("DBCS-C", [IndicatorValueEntry(indicatorCode: "3b", withdraw: true)], on: first)
    try await report("CBCS-B", [IndicatorValueEntry(indicatorCode: "3b", withdraw: true)], on: first)
    try await report("CBCS-B", [IndicatorValueEntry(indicatorCode: "3b", numerator: 5, denominator: 10)], on: first)
    try await report("DBCS-A", [IndicatorValueEntry(indicatorCode: "3b", numerator: 3, denominator: 10)], on: first)
    #expect(try await listed(second) == ["CBCS-B 3b": 5, "DBCS-A 3b": 3])
    _ = try await first.call(
      RegistryService.SubmitPeriod.self, SubmitPeriodRequest(setId: set01, unitCode: "CBCS-B", period: year(2024), allowMissing: true))
    let states = try await second.call(
      RegistryService.ListPeriodStates.self, ListPeriodStatesRequest(setId: set01, period: year(2024), unitCode: "CBCS-B"))
    #expect(states.states.first?.status == .submitted)
    // And a worker that opens now reads the same from the rows alone.
    #expect(try await listed(try first.reopened()) == ["CBCS-B 3b": 5, "DBCS-A 3b": 3])
  }
}
