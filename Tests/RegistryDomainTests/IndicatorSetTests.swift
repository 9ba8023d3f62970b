import Foundation
import Testing
@testable import RegistryDomain

@Suite("Indicator sets as data")
struct IndicatorSetTests {
  @Test func theCommittedJSONFileAndTheEmbeddedTextAreByteIdentical() throws {
    let file = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/RegistryDomain/IndicatorSets/01-NQ-DUK-2020-2025.json")
    let bytes = try Data(contentsOf: file)
    #expect(bytes == Data(IndicatorSet.resolution01JSON.utf8))
  }

  @Test func theResolutionSetHoldsTheTenTargetsOfSectionII22() {
    let set = IndicatorSet.resolution01
    #expect(set.id == "01-NQ-DUK-2020-2025")
    #expect(set.resolution.document == "01-NQ/ĐUK")
    #expect(set.term == .term(2020, 2025))
    let targets = set.orderedIndicators.map { "\($0.code) \($0.target.comparison.symbol)\($0.target.percent.text)" }
    #expect(targets == ["1 ≥100%", "2 ≥100%", "3a >80%", "3b ≥50%", "3c ≥80%", "3d ≥50%", "3e ≥90%", "4a ≥100%", "4b ≥100%", "5 ≥100%"])
    #expect(set.indicator("3a")?.source == .computedFromExchange)
    #expect(set.indicator("1")?.source == .computedFromMembers)
    #expect(set.indicator("4b")?.computation == MemberIndicators.theoryLevelComputation)
    #expect(set.indicator("3a")?.name.hasPrefix("Tỷ lệ văn bản, tài liệu, hồ sơ công việc") == true)
  }

  @Test func theResolutionSetPassesValidation() {
    #expect(IndicatorSet.resolution01.validationProblems.isEmpty)
  }

  @Test func levelsThreeAndFourReadAsFullAndPartialFromAugust2022() throws {
    let mapping = try #require(IndicatorSet.resolution01.indicator("3b")?.termMapping)
    #expect(mapping.source.document == "42/2022/NĐ-CP")
    #expect(mapping.terms(for: .year(2021)) == ["mức độ 3", "mức độ 4"])
    #expect(mapping.terms(for: .year(2022)) == ["một phần", "toàn trình"])
  }

  @Test func aSetSurvivesAnEncodeAndDecode() throws {
    let set = IndicatorSet.resolution01
    #expect(try IndicatorSet.decode(json: set.encodedJSON()) == set)
  }

  @Test func anOperatorsSetForTheNextTermWithARepeatedCodeNamesTheField() {
    var set = Fixtures.set(.greaterOrEqual, Percentage(percent: 90))
    set.id = "05-NQ-DUK-2025-2030"
    set.term = .term(2025, 2030)
    set.indicators.append(set.indicators[0])
    #expect(set.validationProblems.map(\.field) == ["indicators[1].code"])
  }

  @Test func aTargetAbove100PercentNamesItsPercent() {
    var set = Fixtures.set(.greaterOrEqual, Percentage(percent: 120))
    #expect(set.validationProblems.map(\.field) == ["indicators[0].target.percent"])
    set.indicators[0].target = IndicatorTarget(.greater, Percentage(percent: 100))
    #expect(set.validationProblems.map(\.field) == ["indicators[0].target.percent"])
  }

  @Test func aComputedIndicatorMustNameAComputationItsSourceKnows() {
    var set = Fixtures.set(.greaterOrEqual, Percentage(percent: 90))
    set.indicators[0].source = .computedFromMembers
    set.indicators[0].computation = "members.age"
    #expect(set.validationProblems.map(\.field) == ["indicators[0].computation"])
    set.indicators[0].computation = MemberIndicators.studyComputation
    #expect(set.validationProblems.map(\.field) == ["indicators[0].parameters"])
  }

  @Test func aTermThatIsNotARangeOfYearsIsRefused() {
    var set = Fixtures.set(.greaterOrEqual, Percentage(percent: 90))
    set.term = .year(2025)
    #expect(set.validationProblems.map(\.field) == ["term"])
  }

  @Test func jsonThatDoesNotDecodeNamesThePathOfTheBadField() {
    let json = #"""
      {"id": "X-2025-2030", "name": "Bộ mới", "resolution": {"document": "02-NQ/ĐUK"}, "term": "2025-2030",
       "indicators": [{"code": "1", "name": "Tỷ lệ", "numeratorDefinition": "a", "denominatorDefinition": "b",
                       "source": "REPORTED", "target": {"comparison": "AT_LEAST", "percent": 90}}]}
      """#
    let error = #expect(throws: IndicatorSetError.self) { try IndicatorSet.decode(json: json) }
    #expect(error?.field == "indicators[0].target.comparison")
  }

  @Test func aPercentageKeepsTwoDecimalsExactly() throws {
    let json = #"{"comparison": "EQUAL", "percent": 33.33}"#
    let target = try JSONDecoder().decode(IndicatorTarget.self, from: Data(json.utf8))
    #expect(target.percent.basisPoints == 3333)
    #expect(target.percent.vietnameseText == "33,33%")
  }
}
