import Foundation
import ReformKit
import Testing
@testable import RegistryDomain

@Suite("The units a reporting period is expected from")
struct PeriodReportersTests {
  let set = Fixtures.set(.greaterOrEqual, Percentage(percent: 50))

  @Test func unitsOfAReportingKindOpenOnThePeriodsLastDayInTreeOrder() throws {
    var tree = try Fixtures.tree()
    try tree.close("DBCS-A-02", on: CivilDate(2024, 6, 30), stamp: Fixtures.stamp)
    let reporters = PeriodReporters(set: set, period: .year(2024))
    let units = reporters.units(in: tree, book: ReportingBook(), unitCode: "", includeSubtree: false)
    #expect(units.map(\.code) == ["CBCS-B", "DBCS-A", "DBCS-A-01"])
    #expect(reporters.kinds == [.grassrootsCommittee, .grassrootsCell, .subordinateCell])
  }

  @Test func aUnitWhosePeriodHasAStateIsListedWhateverItsKind() throws {
    let tree = try Fixtures.tree()
    let state = PeriodState(restoring: PeriodKey(setID: set.id, unitCode: "DUK", period: .year(2024)), status: .draft, transitions: [])
    let book = ReportingBook(restoring: [], states: [state])
    let reporters = PeriodReporters(set: set, period: .year(2024))
    #expect(reporters.includes(try #require(tree.unit("DUK")), in: book))
    #expect(!reporters.includes(try #require(tree.unit("DUK")), in: ReportingBook()))
  }

  @Test func aNamedUnitComesFirstThenTheExpectedUnitsUnderIt() throws {
    let tree = try Fixtures.tree()
    let reporters = PeriodReporters(set: set, period: .year(2024))
    #expect(reporters.units(in: tree, book: ReportingBook(), unitCode: "DUK", includeSubtree: true).map(\.code)
      == ["DUK", "CBCS-B", "DBCS-A", "DBCS-A-01", "DBCS-A-02"])
    #expect(reporters.units(in: tree, book: ReportingBook(), unitCode: "DUK", includeSubtree: false).map(\.code) == ["DUK"])
    #expect(reporters.units(in: tree, book: ReportingBook(), unitCode: "NONE", includeSubtree: false).isEmpty)
  }

  @Test func aQuarterIsExpectedOnlyFromKindsReportingAQuarterlyIndicator() throws {
    let tree = try Fixtures.tree()
    let reporters = PeriodReporters(set: set, period: .quarter(2, of: 2024))
    #expect(reporters.kinds.isEmpty)
    #expect(reporters.units(in: tree, book: ReportingBook(), unitCode: "", includeSubtree: false).isEmpty)
  }
}
