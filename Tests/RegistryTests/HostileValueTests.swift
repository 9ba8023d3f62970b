import Foundation
import GRPCCore
import ReformWire
@testable import Registry
import RegistryDomain
import Testing

/// Numbers at the extremes of their wire types: refused at the edge with the field named, and
/// harmless when a database written before the bounds already holds them.
@Suite("Request values at the extremes")
struct HostileValueTests {
  @Test func int64MaxCountsAreRefusedNamingTheEntryAndNothingIsStored() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let refused = await status {
      try await registry.call(
        RegistryService.ReportValues.self,
        ValueCallTests.report(
          "DBCS-A",
          [
            IndicatorValueEntry(indicatorCode: "2", numerator: 1, denominator: 1),
            IndicatorValueEntry(indicatorCode: "3b", numerator: .max, denominator: .max),
          ]))
    }
    #expect(refused?.code == .invalidArgument)
    #expect(refused?.message == "entries[1].numerator: 9223372036854775807 is above the largest value, 1000000000000")
    let imported = try await registry.importCSV(
      .values, "set_id,indicator_code,unit_code,period,numerator,denominator\n\(set01),3b,CBCS-B,2024,1,9223372036854775807\n")
    let error = try #require(imported.flatMap(\.errors).first)
    #expect(error.field == "denominator" && error.line == 2)
    #expect(error.message.contains("is above the largest value, 1000000000000"))
    #expect(try await registry.call(RegistryService.ListValues.self, ListValuesRequest(setId: set01)).values.isEmpty)
  }

  @Test func datesAndPeriodsOutsideTheSupportedYearsAreRefusedNamingTheField() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let period = await status {
      try await registry.call(
        RegistryService.ListPeriodStates.self, ListPeriodStatesRequest(setId: set01, period: year(.max)))
    }
    #expect(period?.code == .invalidArgument)
    #expect(period?.message.hasPrefix("period:") == true)
    #expect(period?.message.contains("1900–2200") == true)
    let date = await status {
      try await registry.call(
        RegistryService.ListPeople.self, ListPeopleRequest(presentOn: CalendarDate(year: 1_899, month: 12, day: 31)))
    }
    #expect(date?.code == .invalidArgument)
    #expect(date?.message.hasPrefix("present_on:") == true)
  }

  @Test func longFilterListsAndNegativeVersionsOrRevisionsAreRefusedNamingTheField() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let codes = await status {
      try await registry.call(
        RegistryService.ListValues.self, ListValuesRequest(setId: set01, indicatorCodes: Array(repeating: "2", count: 1_001)))
    }
    #expect(codes?.code == .resourceExhausted)
    #expect(codes?.message == "indicator_codes: at most 1000 entries; got 1001")
    let version = await status {
      try await registry.call(RegistryService.GetIndicatorSet.self, GetIndicatorSetRequest(id: set01, version: .min))
    }
    #expect(version?.code == .invalidArgument)
    #expect(version?.message.hasPrefix("version: -2147483648 is below 0") == true)
    let setVersion = await status {
      try await registry.call(
        RegistryService.Report.self, RegistryReportRequest(setId: set01, setVersion: -1, periods: [year(2024)]))
    }
    #expect(setVersion?.message.hasPrefix("set_version:") == true)
    let person = try await registry.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P1")).person
    let revision = await status {
      try await registry.call(
        RegistryService.UpdatePerson.self,
        UpdatePersonRequest(person: person, updateFields: ["workplace"], expectedRevision: .min))
    }
    #expect(revision?.code == .invalidArgument)
    #expect(revision?.message.hasPrefix("expected_revision:") == true)
  }

  /// Two values of `Int64.max` over `Int64.max` stored before the bounds: every report over
  /// them answers, in every format, and the worker lives on.
  @Test func reportsOverInt64MaxValuesAlreadyStoredAnswerInEveryFormat() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let extremes = ["CBCS-B", "DBCS-A"].map { unit in
      IndicatorValue(set: set01, indicator: "3b", unit: unit, period: .year(2024), .max, .max)
    }
    try await Self.store(extremes, in: registry.module.store)
    let reopened = try registry.reopened()
    for format in [RegistryReportFormat.unspecified, .table, .csv, .html] {
      let report = try await reopened.call(
        RegistryService.Report.self, RegistryReportRequest(setId: set01, periods: [year(2024)], format: format))
      let root = try #require(report.rows.first { $0.indicatorCode == "3b" && $0.depth == 0 })
      #expect(root.result?.numerator == .max)
      #expect(format == .unspecified || !report.rendered.isEmpty)
    }
    let computed = await status {
      try await reopened.call(
        RegistryService.ComputeIndicators.self, ComputeIndicatorsRequest(setId: set01, period: year(2024), dryRun: true))
    }
    #expect(computed == nil || computed?.code != .internalError)
  }

  /// Stores `values` as they are, past the handlers' bounds, on whichever engine `store` is.
  private static func store(_ values: [RegistryDomain.IndicatorValue], in store: some RegistryStoring) async throws {
    try await store.write { write in
      try write.commitBook(ReportingBook(restoring: values, states: []), changed: values.map(\.key), removed: [], states: []) { _ in 1 }
    }
  }
}
