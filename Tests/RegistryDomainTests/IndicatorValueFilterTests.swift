import Foundation
import Testing
@testable import RegistryDomain

@Suite("Which values a list shows, and in what order")
struct IndicatorValueFilterTests {
  let set = Fixtures.set(.greaterOrEqual, Percentage(percent: 50))

  func book(_ values: [IndicatorValue], states: [PeriodState] = []) -> ReportingBook {
    ReportingBook(restoring: values, states: states)
  }

  func keys(_ values: [IndicatorValue]) -> [String] {
    values.map { "\($0.key.setID) \($0.key.indicatorCode) \($0.key.unitCode) \($0.key.period)" }
  }

  @Test func anEmptyFilterListsEveryValueBySetThenUnitThenPeriod() {
    let book = book([
      Fixtures.value("DBCS-A", 1, 2, year: 2024), Fixtures.value("CBCS-B", 1, 2, year: 2024),
      Fixtures.value("CBCS-B", 1, 2, year: 2023), Fixtures.value("CBCS-B", 1, 2, set: "A-SET", year: 2024),
    ])
    #expect(
      keys(book.values(matching: IndicatorValueFilter(), orderedBy: [set])) == [
        "A-SET 9 CBCS-B 2024", "TEST-2020-2025 9 CBCS-B 2023", "TEST-2020-2025 9 CBCS-B 2024", "TEST-2020-2025 9 DBCS-A 2024",
      ])
  }

  @Test func indicatorsComeInTheirSetsOrderAndUnknownOnesLast() {
    let resolution = IndicatorSet.resolution01
    let order = resolution.orderedIndicators.map(\.code)
    let book = book([
      Fixtures.value("CBCS-B", 1, 2, indicator: "ZZ", set: resolution.id),
      Fixtures.value("CBCS-B", 1, 2, indicator: order[1], set: resolution.id),
      Fixtures.value("CBCS-B", 1, 2, indicator: order[0], set: resolution.id),
    ])
    let listed = book.values(matching: IndicatorValueFilter(setID: resolution.id), orderedBy: [resolution])
    #expect(listed.map(\.key.indicatorCode) == [order[0], order[1], "ZZ"])
  }

  @Test func everyCriterionGivenMustHold() {
    var computed = Fixtures.value("DBCS-A", 1, 2)
    computed.origin = .computed
    let submitted = PeriodState(
      restoring: PeriodKey(setID: set.id, unitCode: "CBCS-B", period: .year(2024)), status: .submitted, transitions: [])
    let book = book(
      [Fixtures.value("CBCS-B", 1, 2), Fixtures.value("CBCS-B", 1, 2, year: 2023), computed, Fixtures.value("DBCS-A-01", 1, 2, indicator: "8")],
      states: [submitted])
    func listed(_ filter: IndicatorValueFilter) -> [String] { keys(book.values(matching: filter, orderedBy: [set])) }
    #expect(listed(IndicatorValueFilter(statuses: [.submitted])) == ["TEST-2020-2025 9 CBCS-B 2024"])
    #expect(listed(IndicatorValueFilter(origins: [.computed])) == ["TEST-2020-2025 9 DBCS-A 2024"])
    #expect(listed(IndicatorValueFilter(indicatorCodes: ["8"])) == ["TEST-2020-2025 8 DBCS-A-01 2024"])
    #expect(listed(IndicatorValueFilter(unitCodes: ["CBCS-B"], periods: [.year(2023)])) == ["TEST-2020-2025 9 CBCS-B 2023"])
    #expect(listed(IndicatorValueFilter(setID: "A-SET")).isEmpty)
  }
}
