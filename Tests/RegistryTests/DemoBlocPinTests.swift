import Foundation
import ReformWire
import Registry
import RegistryDomain
import Testing

/// The standard demo bloc (seed 2020: 2,500 people, values for 2021–2025) through
/// the calls, with every figure and every byte of the rendered files pinned by a digest: how a
/// report or a list is made may change, what it says may not.
@Suite("The demo bloc's reports and lists, pinned")
struct DemoBlocPinTests {
  static let bloc = DemoBloc.generate(seed: 2020)
  static let years = DemoBloc.years.map { year(Int32($0)) }

  /// A registry holding the demo bloc's units, people and studies; with its values and the
  /// computed indicators of every year when `values` holds.
  static func seeded(values: Bool) async throws -> RegistryHarness {
    let registry = try RegistryHarness()
    try await registry.importCSV(.units, bloc.unitsCSV)
    try await registry.importCSV(.people, bloc.peopleCSV)
    try await registry.importCSV(.studies, bloc.studiesCSV)
    guard values else { return registry }
    try await registry.importCSV(.values, bloc.valuesCSV)
    for period in years {
      _ = try await registry.call(RegistryService.ComputeIndicators.self, ComputeIndicatorsRequest(setId: set01, period: period))
    }
    return registry
  }

  /// One line per row with every field a row carries.
  static func rowsText(_ rows: [RegistryReportRow]) -> String {
    rows.map { row in
      let period = row.period.map { "\($0.type.rawValue):\($0.year):\($0.index):\($0.endYear)" } ?? "-"
      let result = row.result.map { result in
        "\(result.numerator)/\(result.denominator) \(result.valueBasisPoints) \(result.attainmentBasisPoints) "
          + "\(result.outcome.rawValue) \(result.unitsReported)/\(result.unitsExpected)/\(result.unitsApproved) "
          + "\(result.coverageBasisPoints) \(result.setId) \(result.indicatorCode) \(result.unitCode)"
      } ?? "-"
      return "\(row.indicatorCode) \(period) \(row.unitCode) \(row.unitName) \(row.parentCode) \(row.depth) "
        + "\(row.rank)/\(row.rankedCount) \(result)\n"
    }.joined()
  }

  @Test func aReportOverEveryUnitAndYearGivesTheSameFiguresAndFiles() async throws {
    let registry = try await Self.seeded(values: true)
    func report(_ format: RegistryReportFormat, omitRows: Bool = true) async throws -> RegistryReportResponse {
      try await registry.call(
        RegistryService.Report.self,
        RegistryReportRequest(setId: set01, periods: Self.years, format: format, omitRows: omitRows))
    }
    let html = try await report(.html, omitRows: false)
    #expect(html.rows.count == 7_990)
    #expect(digest(Self.rowsText(html.rows)) == "760a5f1811934d19")
    #expect(digest(html.rendered) == "6d44ce06c09d8e3c")
    #expect(html.fileName == "bao-cao-01-NQ-DUK-2020-2025-2021_2025.html")
    let csv = try await report(.csv)
    #expect(digest(csv.rendered) == "13ab3d26ec229300")
    let table = try await report(.table)
    #expect(digest(table.rendered) == "103a1eebff281670")
  }

  @Test func aReportOnOneOrganisationGivesTheSameFiguresAndFiles() async throws {
    let registry = try await Self.seeded(values: true)
    let organisation = try #require(Self.bloc.tree.treeOrder.first { $0.kind == .grassrootsCommittee })
    let files: [(RegistryReportFormat, String)] = [(.table, "da093a6bbd0e0a2c"), (.csv, "4850e151469a60a2"), (.html, "8307ddcb74d928af")]
    for (format, file) in files {
      let report = try await registry.call(
        RegistryService.Report.self,
        RegistryReportRequest(
          setId: set01, periods: [year(2024), year(2022)], unitCode: organisation.code, indicatorCodes: ["3b", "1", "4b"],
          format: format))
      #expect(digest(Self.rowsText(report.rows)) == "00d10922bf8980d9", "rows with \(format)")
      #expect(digest(report.rendered) == file, "\(format)")
    }
  }

  @Test func listsOfPeopleComeInTheSameOrder() async throws {
    let registry = try await Self.seeded(values: false)
    func ids(_ request: ListPeopleRequest) async throws -> String {
      var request = request
      request.page = PageRequest(pageSize: 1_000)
      var ids: [String] = []
      while true {
        let page = try await registry.call(RegistryService.ListPeople.self, request)
        ids += page.people.map(\.id)
        guard let next = page.page?.nextPageToken, !next.isEmpty else { break }
        request.page?.pageToken = next
      }
      return ids.joined(separator: ",")
    }
    let organisation = try #require(Self.bloc.tree.treeOrder.first { $0.kind == .grassrootsCommittee })
    let present = try await ids(ListPeopleRequest())
    #expect(digest(present) == "4daf6777e8b4e5d2")
    let everyone = try await ids(ListPeopleRequest(includeDeparted: true))
    #expect(digest(everyone) == "acb80b7626ef73d8")
    let underOrganisation = try await ids(ListPeopleRequest(subtreeCode: organisation.code))
    #expect(digest(underOrganisation) == "b2f8c6397d259760")
    let officialNguyens = try await ids(ListPeopleRequest(membership: .official, nameQuery: "nguyen"))
    #expect(digest(officialNguyens) == "85db69e405c6acb6")
    let first = try await registry.call(RegistryService.ListPeople.self, ListPeopleRequest(page: PageRequest(pageSize: 3)))
    #expect(first.people.map(\.id) == ["NV000380", "NV000712", "NV000096"])
    #expect(first.page?.totalCount == 2_411)
  }
}
