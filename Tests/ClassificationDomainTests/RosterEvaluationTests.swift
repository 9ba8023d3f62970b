import ClassificationDomain
import Testing

@Suite("Evaluations made up for a real roster")
struct RosterEvaluationTests {
  static let units = UnitTree(parents: ["DBCS-A": "DUK", "CB-A1": "DBCS-A", "CB-A2": "DBCS-A", "CBCS-B": "DUK"])
  static let roster = (1...60).map { (personId: "NV\($0)", unitCode: ["CB-A1", "CB-A2", "CBCS-B"][$0 % 3]) }

  @Test func everyMemberIsEvaluatedInTheirUnitAndTheFirstOfEachUnitLeadsIt() {
    let input = ClassificationPopulation.evaluations(of: Self.roster, units: Self.units, year: 2025, seed: 1)
    #expect(input.persons.map(\.personId) == Self.roster.map(\.personId))
    #expect(input.persons.map(\.unitCode) == Self.roster.map(\.unitCode))
    #expect(input.collectives.map(\.unitCode) == ["CB-A1", "CB-A2", "CBCS-B"])
    for collective in input.collectives {
      let first = Self.roster.first { $0.unitCode == collective.unitCode }?.personId
      #expect(collective.leaderPersonIds == [first].compactMap { $0 })
    }
  }

  @Test func theEvaluationsAreValidUnderTheYearsRuleSetAndTheSameForTheSameSeed() throws {
    for year in 2023...2025 {
      let input = ClassificationPopulation.evaluations(of: Self.roster, units: Self.units, year: year, seed: UInt64(year))
      let ruleSet = try #require(RuleSet.builtIn(forYear: year, subjectKind: .partyMember))
      #expect(input.validationErrors(against: ruleSet).isEmpty, "\(year): \(input.validationErrors(against: ruleSet))")
      #expect(input == ClassificationPopulation.evaluations(of: Self.roster, units: Self.units, year: year, seed: UInt64(year)))
    }
  }
}
