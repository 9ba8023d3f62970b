import ReformKit
import Testing
@testable import RegistryDomain

@Suite("Computed indicators")
struct ComputedIndicatorTests {
  let set = IndicatorSet.resolution01

  /// In DBCS-A-01 at the end of 2024: A studied in 2021, B in 2024, C not at all, D studied in
  /// 2025 (after the period), E studied but left in 2023 (not counted). Present: A, B, C, D;
  /// studied by 31/12/2024: A, B. Indicator 1 = 2/4. In CBCS-B, F studied: 1/1.
  /// The bloc: 3/5.
  @Test func indicator1IsPeopleWhoStudiedOverPeoplePresent() throws {
    let tree = try Fixtures.tree()
    let people = [
      Fixtures.person("A", unit: "DBCS-A-01", studied: CivilDate(2021, 3, 5)),
      Fixtures.person("B", unit: "DBCS-A-01", studied: CivilDate(2024, 12, 31)),
      Fixtures.person("C", unit: "DBCS-A-01"),
      Fixtures.person("D", unit: "DBCS-A-01", studied: CivilDate(2025, 1, 2)),
      Fixtures.person("E", unit: "DBCS-A-01", studied: CivilDate(2021, 3, 5), departed: CivilDate(2023, 6, 1)),
      Fixtures.person("F", unit: "CBCS-B", studied: CivilDate(2022, 4, 1)),
    ]
    let computed = IndicatorComputation(tree: tree, people: people).compute(set, period: .year(2024))
    let indicator1 = computed.values.filter { $0.key.indicatorCode == "1" }
    #expect(indicator1.map { "\($0.key.unitCode) \($0.ratio.numerator)/\($0.ratio.denominator)" } == ["CBCS-B 1/1", "DBCS-A-01 2/4"])
    let aggregate = IndicatorAggregator(tree: tree, set: set, values: computed.values)
      .result(of: try #require(set.indicator("1")), rootCode: "DUK", period: .year(2024))
    #expect(aggregate.ratio == Ratio(3, 5))
    #expect(aggregate.outcome == .notMet)
  }

  /// Leaders of DBCS-A-02: G trung cấp for trung cấp (meets), H cử nhân for cao cấp (meets),
  /// I sơ cấp for trung cấp (does not), J with no level recorded (does not). K is not a
  /// leader and is not counted. Indicator 4b = 2/4.
  @Test func indicator4bIsLeadersMeetingTheirTitlesTheoryStandard() throws {
    let tree = try Fixtures.tree()
    let people = [
      Fixtures.person("G", unit: "DBCS-A-02", leader: true, theory: .intermediate, required: .intermediate),
      Fixtures.person("H", unit: "DBCS-A-02", leader: true, theory: .bachelor, required: .advanced),
      Fixtures.person("I", unit: "DBCS-A-02", leader: true, theory: .elementary, required: .intermediate),
      Fixtures.person("J", unit: "DBCS-A-02", leader: true, required: .elementary),
      Fixtures.person("K", unit: "DBCS-A-02", theory: .untrained),
    ]
    let computed = IndicatorComputation(tree: tree, people: people).compute(set, period: .year(2024))
    let indicator4b = computed.values.filter { $0.key.indicatorCode == "4b" }
    #expect(indicator4b.map(\.ratio) == [Ratio(2, 4)])
    #expect(indicator4b.first?.origin == .computed)
  }

  struct ExchangeTable: ExchangeCounts {
    let shares: [String: Ratio]
    func networkShare(of unit: OrgUnit, in period: Period) -> Ratio? { shares[unit.organId] }
  }

  @Test func indicator3aComesThroughTheExchangeHook() throws {
    var tree = try Fixtures.tree()
    var unit = try #require(tree.unit("CBCS-B"))
    unit.organId = "000.00.12.H41"
    try tree.update(unit, effective: CivilDate(2024, 1, 1), stamp: Fixtures.stamp)
    let exchange = ExchangeTable(shares: ["000.00.12.H41": Ratio(850, 1000)])
    let computed = IndicatorComputation(tree: tree, people: [], exchange: exchange).compute(set, period: .year(2024))
    #expect(computed.values.filter { $0.key.indicatorCode == "3a" }.map(\.ratio) == [Ratio(850, 1000)])
    #expect(computed.skipped.contains { $0.indicatorCode == "3a" && $0.unitCode == "DBCS-A" })
  }

  @Test func withoutTheExchangeIndicator3aIsSkippedNotGuessed() throws {
    let computed = IndicatorComputation(tree: try Fixtures.tree(), people: []).compute(set, period: .year(2024))
    #expect(computed.values.allSatisfy { $0.key.indicatorCode != "3a" })
    #expect(computed.skipped.contains { $0.indicatorCode == "3a" && $0.unitCode == nil })
  }
}
