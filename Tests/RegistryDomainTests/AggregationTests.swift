import ReformKit
import Testing
@testable import RegistryDomain

@Suite("Aggregation up the tree")
struct AggregationTests {
  /// A hand-worked example over three levels, target ≥ 50%:
  ///
  /// ```
  /// DUK                      (no value of its own)
  /// ├── CBCS-B       0/0     no data: counts as reported, adds nothing
  /// └── DBCS-A       0/0     no data of its own
  ///     ├── DBCS-A-01  3/4   75%
  ///     └── DBCS-A-02  1/2   50%
  /// ```
  ///
  /// DBCS-A: (3 + 1) / (4 + 2) = 4/6 = 66.67%, not (75% + 50%) / 2 = 62.5%.
  /// DUK: (0 + 0 + 3 + 1) / (0 + 0 + 4 + 2) = 4/6 = 66.67%, not the mean of 75%, 50% and 0%.
  @Test func numeratorsAndDenominatorsAreSummedNeverPercentagesAveraged() throws {
    let tree = try Fixtures.tree()
    let set = Fixtures.set(.greaterOrEqual, Percentage(percent: 50))
    let values = [Fixtures.value("DBCS-A-01", 3, 4), Fixtures.value("DBCS-A-02", 1, 2), Fixtures.value("CBCS-B", 0, 0), Fixtures.value("DBCS-A", 0, 0)]
    let aggregator = IndicatorAggregator(tree: tree, set: set, values: values)
    let indicator = set.indicators[0]
    let committee = aggregator.result(of: indicator, rootCode: "DBCS-A", period: .year(2024))
    let bloc = aggregator.result(of: indicator, rootCode: "DUK", period: .year(2024))
    #expect(committee.ratio == Ratio(4, 6))
    #expect(committee.valueBasisPoints == 6667)
    #expect(bloc.ratio == Ratio(4, 6))
    #expect(bloc.valueBasisPoints == 6667)
    #expect(bloc.outcome == .met)
  }

  /// Expected: the four units of reporting kinds open at the end of 2024 (DBCS-A, its two
  /// cells, CBCS-B); reported: the two cells. Coverage 2/4.
  @Test func coverageCountsTheExpectedUnitsThatReported() throws {
    let tree = try Fixtures.tree()
    let set = Fixtures.set(.greaterOrEqual, Percentage(percent: 50))
    let aggregator = IndicatorAggregator(tree: tree, set: set, values: [Fixtures.value("DBCS-A-01", 3, 4), Fixtures.value("DBCS-A-02", 1, 2)])
    let bloc = aggregator.result(of: set.indicators[0], rootCode: "DUK", period: .year(2024))
    #expect(bloc.unitsReported == 2)
    #expect(bloc.unitsExpected == 4)
    #expect(bloc.coverage.basisPoints == 5000)
  }

  @Test func aUnitClosedBeforeThePeriodEndsIsNotExpected() throws {
    var tree = try Fixtures.tree()
    try tree.close("DBCS-A-02", on: CivilDate(2024, 6, 1), stamp: Fixtures.stamp)
    let set = Fixtures.set(.greaterOrEqual, Percentage(percent: 50))
    let aggregator = IndicatorAggregator(tree: tree, set: set, values: [])
    #expect(aggregator.result(of: set.indicators[0], rootCode: "DUK", period: .year(2024)).unitsExpected == 3)
    #expect(aggregator.result(of: set.indicators[0], rootCode: "DUK", period: .year(2023)).unitsExpected == 4)
  }

  /// Units meeting ≥ 100%: DBCS-A-01 reports 1/1 (meets), DBCS-A-02 0/1 (does not), CBCS-B
  /// and DBCS-A do not report. Result: 1 meeting of 4 expected.
  @Test func unitsMeetingCountsUnitsNotItems() throws {
    let tree = try Fixtures.tree()
    let set = Fixtures.set(.greaterOrEqual, Percentage(percent: 100), aggregation: .unitsMeeting)
    let aggregator = IndicatorAggregator(tree: tree, set: set, values: [Fixtures.value("DBCS-A-01", 1, 1), Fixtures.value("DBCS-A-02", 0, 1)])
    #expect(aggregator.result(of: set.indicators[0], rootCode: "DUK", period: .year(2024)).ratio == Ratio(1, 4))
  }

  @Test func approvedOnlyCountsTheValuesOfApprovedPeriods() throws {
    let tree = try Fixtures.tree()
    let set = Fixtures.set(.greaterOrEqual, Percentage(percent: 50))
    let values = [Fixtures.value("DBCS-A-01", 3, 4), Fixtures.value("DBCS-A-02", 1, 2)]
    let statuses = [PeriodKey(setID: set.id, unitCode: "DBCS-A-01", period: .year(2024)): PeriodStatus.approved]
    let aggregator = IndicatorAggregator(tree: tree, set: set, values: values, statuses: statuses, approvedOnly: true)
    let bloc = aggregator.result(of: set.indicators[0], rootCode: "DUK", period: .year(2024))
    #expect(bloc.ratio == Ratio(3, 4))
    #expect(bloc.unitsApproved == 1)
  }

  /// The one pass from the leaves up gives every unit of the demo bloc (closed units and
  /// approved periods among them) the figures of its subtree summed on its own.
  @Test func eachUnitsFigureInOnePassIsItsSubtreeSummedOnItsOwn() throws {
    let bloc = DemoBlocTests.bloc
    let root = try #require(bloc.tree.rootCode)
    let approved = bloc.tree.treeOrder.enumerated().filter { $0.offset % 3 == 0 }.map(\.element.code)
    let statuses = Dictionary(
      uniqueKeysWithValues: approved.map { (PeriodKey(setID: bloc.set.id, unitCode: $0, period: .year(2023)), PeriodStatus.approved) })
    let aggregator = IndicatorAggregator(tree: bloc.tree, set: bloc.set, values: bloc.values, statuses: statuses)
    for period in [Period.year(2021), .year(2023)] {
      for indicator in bloc.set.indicators {
        let results = aggregator.results(of: indicator, rootCode: root, period: period)
        #expect(results.count == bloc.tree.count)
        for (code, result) in results {
          #expect(result == aggregator.result(of: indicator, rootCode: code, period: period), "\(indicator.code) \(code) \(period)")
        }
      }
    }
  }
}
