import ClassificationDomain
import Foundation
import Testing

/// Rule sets are data: shipped as JSON files and embedded byte for byte, read back by
/// `RuleSet.decode(json:)`, which names the bad field of a set that does not hold together.
@Suite("Rule sets")
struct RuleSetTests {
  /// The committed JSON file `name` under Sources/ClassificationDomain/RuleSets.
  private func committed(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/ClassificationDomain/RuleSets/\(name)")
    return try String(decoding: Data(contentsOf: url), as: UTF8.self)
  }

  @Test func theEmbedded124SetIsTheCommittedFileByteForByte() throws {
    #expect(Array(RuleSet.quyDinh124JSON.utf8) == Array(try committed("124-QD-TW-2023.json").utf8))
  }

  @Test func theEmbedded366SetIsTheCommittedFileByteForByte() throws {
    #expect(Array(RuleSet.quyDinh366JSON.utf8) == Array(try committed("366-QD-TW-2025.json").utf8))
  }

  @Test func theEmbedded335SetIsTheCommittedFileByteForByte() throws {
    #expect(Array(RuleSet.nghiDinh335JSON.utf8) == Array(try committed("335-ND-CP-2026.json").utf8))
  }

  @Test func everyShippedSetLoadsAndNamesItsSources() throws {
    for json in [RuleSet.quyDinh124JSON, RuleSet.quyDinh366JSON, RuleSet.nghiDinh335JSON] {
      let set = try RuleSet.decode(json: json)
      #expect(!set.sources.isEmpty)
      #expect(set.rules.allSatisfy { !$0.source.document.isEmpty })
    }
    #expect(RuleSet.builtIn.map(\.id) == ["124-QD-TW-2023", "366-QD-TW-2025", "335-ND-CP-2026"])
  }

  @Test func theSetInForceIsChosenByYearAndSubjectKind() {
    #expect(RuleSet.builtIn(forYear: 2023, subjectKind: .partyMember)?.id == "124-QD-TW-2023")
    #expect(RuleSet.builtIn(forYear: 2024, subjectKind: .collective)?.id == "124-QD-TW-2023")
    #expect(RuleSet.builtIn(forYear: 2025, subjectKind: .partyMember)?.id == "366-QD-TW-2025")
    #expect(RuleSet.builtIn(forYear: 2026, subjectKind: .civilServant)?.id == "335-ND-CP-2026")
    #expect(RuleSet.builtIn(forYear: 2025, subjectKind: .civilServant) == nil)
  }

  @Test func theUnconfirmedDefaultsOf366AreFlaggedAndOn() {
    let flagged = RuleSet.quyDinh366.rules.filter(\.unconfirmed)
    #expect(
      Set(flagged.map(\.id)) == [
        "366.leader.collective_level", "366.discipline", "366.decline", "366.collective.subordinates",
        "366.collective.targets",
      ])
    #expect(flagged.allSatisfy { $0.enabled && $0.note != nil })
    #expect(RuleSet.quyDinh366.quota?.unconfirmed == true)
    #expect(RuleSet.quyDinh366.quota?.enabled == true)
  }

  @Test func aSetEncodedAndReadBackIsTheSame() throws {
    for set in RuleSet.builtIn {
      #expect(try RuleSet.decode(json: set.encodedJSON()) == set)
    }
  }

  @Test func the124SetRatesFromTheAssessedLevelWhere366RatesOnPoints() throws {
    let proposedExcellentScoring85 = { (year: Int) in Fixture.member("P1", total: 8_500, year: year, assessed: .htxsnv)
    }
    #expect(try Fixture.rate(proposedExcellentScoring85(2024), ruleSet: .quyDinh124).level == .htxsnv)
    #expect(try Fixture.rate(proposedExcellentScoring85(2025), ruleSet: .quyDinh366).level == .httnv)
  }

  @Test func the124SetHasNoTaskShareConditions() throws {
    let late = TaskCounts(total: 20, onTime: 19, exceeded: 2)
    #expect(
      try Fixture.rate(
        Fixture.member("P1", total: 9_600, tasks: late, year: 2024, assessed: .htxsnv), ruleSet: .quyDinh124
      ).level == .htxsnv)
    #expect(
      try Fixture.rate(Fixture.member("P1", total: 9_600, tasks: late, year: 2025), ruleSet: .quyDinh366).level == .htnv
    )
  }

  @Test func bothPartySetsMakeADisciplinedMemberNotCompleted() throws {
    let record = [Fixture.discipline("QĐ-01", year: 2024)]
    #expect(
      try Fixture.rate(Fixture.member("P1", year: 2024, discipline: record, assessed: .htxsnv), ruleSet: .quyDinh124)
        .level == .khtnv)
    let recordOf2025 = [Fixture.discipline("QĐ-01")]
    #expect(
      try Fixture.rate(Fixture.member("P1", total: 9_500, discipline: recordOf2025), ruleSet: .quyDinh366).level
        == .khtnv)
  }

  // MARK: - A set that does not hold together is refused, naming the field.

  private func refusal(_ edit: (inout [String: Any]) -> Void) throws -> RuleSetError? {
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(RuleSet.quyDinh366JSON.utf8)) as? [String: Any])
    edit(&object)
    let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    do {
      _ = try RuleSet.decode(json: json)
      return nil
    } catch {
      return error
    }
  }

  private func editRule(_ index: Int, _ object: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
    var rules = object["rules"] as? [[String: Any]] ?? []
    edit(&rules[index])
    object["rules"] = rules
  }

  @Test func aMisspeltParameterIsNamed() throws {
    let error = try refusal { editRule(0, &$0) { $0["parameters"] = ["minHundreths": 9000] } }
    #expect(error?.field == "rules[0].parameters.minHundreths")
    #expect(error?.kind == .invalidArgument)
  }

  @Test func anUnknownLevelIsNamedWithTheLevelsAllowed() throws {
    let error = try refusal { editRule(1, &$0) { $0["level"] = "HTX" } }
    #expect(error?.field == "rules[1].level")
    #expect(error?.message.contains("HTXSNV, HTTNV, HTNV, KHTNV") == true)
  }

  @Test func aMissingParameterIsNamed() throws {
    let error = try refusal { editRule(3, &$0) { $0["parameters"] = [String: Any]() } }
    #expect(error?.field == "rules[3].parameters.minShareBasisPoints")
  }

  @Test func aParameterTheKindDoesNotReadIsRefused() throws {
    let error = try refusal { editRule(3, &$0) { $0["parameters"] = ["minShareBasisPoints": 10000, "maxCount": 1] } }
    #expect(error?.field == "rules[3].parameters.maxCount")
  }

  @Test func aShareAbove100PercentIsRefused() throws {
    let error = try refusal { editRule(4, &$0) { $0["parameters"] = ["minShareBasisPoints": 30000] } }
    #expect(error?.field == "rules[4].parameters.minShareBasisPoints")
  }

  @Test func thresholdsOutOfOrderAreRefused() throws {
    let error = try refusal { editRule(1, &$0) { $0["parameters"] = ["minHundredths": 9500] } }
    #expect(error?.field == "rules[1].parameters.minHundredths")
  }

  @Test func aDuplicateRuleIdIsRefused() throws {
    let error = try refusal { editRule(1, &$0) { $0["id"] = "366.d11.htxsnv.score" } }
    #expect(error?.field == "rules[1].id")
  }

  @Test func aConditionBeforeAThresholdIsRefused() throws {
    let error = try refusal { object in
      var rules = object["rules"] as? [[String: Any]] ?? []
      rules.swapAt(2, 3)
      object["rules"] = rules
    }
    #expect(error?.field == "rules[3].kind")
  }

  @Test func aCapTableWithoutEveryLevelIsRefused() throws {
    let error = try refusal {
      editRule(7, &$0) {
        $0["parameters"] = ["collectiveCaps": [["collectiveLevel": "HTXSNV", "leaderAtBest": "HTXSNV"]]]
      }
    }
    #expect(error?.field == "rules[7].parameters.collectiveCaps")
  }

  @Test func totalScoreInTheTieBreakIsRefusedAsAlwaysFirst() throws {
    let error = try refusal { object in
      var quota = object["quota"] as? [String: Any] ?? [:]
      quota["tieBreak"] = ["totalScore", "subjectId"]
      object["quota"] = quota
    }
    #expect(error?.field == "quota.tieBreak[0]")
  }

  @Test func aMissingSourceIsRefused() throws {
    let error = try refusal { editRule(2, &$0) { $0["source"] = ["document": ""] } }
    #expect(error?.field == "rules[2].source.document")
  }

  @Test func textThatIsNotJSONIsRefused() {
    #expect(throws: RuleSetError.self) { try RuleSet.decode(json: "{ not json") }
    do {
      _ = try RuleSet.decode(json: "{ not json")
    } catch {
      #expect(error.field == "json")
    }
  }

  @Test func aNewRegulationIsANewFile() throws {
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(RuleSet.quyDinh366JSON.utf8)) as? [String: Any])
    object["id"] = "999-QD-TW-2030"
    object["validFromYear"] = 2030
    let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    let set = try RuleSet.decode(json: json)
    #expect(set.applies(toYear: 2030))
    #expect(!set.applies(toYear: 2029))
  }
}
