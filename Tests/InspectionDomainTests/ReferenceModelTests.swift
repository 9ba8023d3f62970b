import Foundation
import InspectionDomain
import Testing

@Suite("Planner: the reference model for an exact solver")
struct ReferenceModelTests {
  private let input = PlanInput.generated(units: 60, teams: 6, seed: 1)

  /// The JSON object of `bytes`.
  private func object(_ bytes: [UInt8]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
  }

  @Test func aPlannedProgrammeIsAHintThatKeepsEveryRuleTheModelStates() throws {
    let calendar = try calendar2026()
    let programme = try Planner().plan(input, calendar: calendar)
    let model = try object(try Planner.referenceModel(of: input, calendar: calendar, hint: programme.visits))

    #expect(model["dayCount"] as? Int == calendar.workingDayCount)
    let visits = try #require(model["visits"] as? [[String: Any]])
    let teams = try #require(model["teams"] as? [[String: Any]])
    let hint = try #require(model["hint"] as? [[String: Int]])
    #expect(visits.count == input.visitsDue.count)
    #expect(teams.count == input.teams.count)
    #expect(hint.count == programme.visits.count)

    var riskDelay = 0
    for slot in hint {
      let visit = visits[try #require(slot["visit"])]
      let team = try #require(slot["team"])
      let start = try #require(slot["start"])
      let length = try #require(visit["length"] as? Int)
      let days = Set(start..<(start + length))
      #expect(visit["placeable"] as? Bool == true)
      #expect((try #require(visit["firstDay"] as? Int)) <= start)
      #expect(start <= (try #require(visit["lastStart"] as? Int)))
      #expect((try #require(visit["teams"] as? [Int])).contains(team))
      #expect(days.isDisjoint(with: try #require(visit["blocked"] as? [Int])))
      #expect(days.isDisjoint(with: try #require(teams[team]["unavailable"] as? [Int])))
      riskDelay += (try #require(visit["risk"] as? Int)) * start
    }
    #expect(riskDelay == programme.objective.riskDelay)
  }

  @Test func aHintForADueVisitTheInputLacksIsRefused() throws {
    let calendar = try calendar2026()
    var visit = try #require(try Planner().plan(input, calendar: calendar).visits.first)
    visit.dueID = "NO-SUCH-VISIT"
    let failure = #expect(throws: PlanningError.self) {
      try Planner.referenceModel(of: input, calendar: calendar, hint: [visit])
    }
    #expect(failure?.field == "hint[0].dueID")
  }
}
