import InspectionDomain
import Testing

@Suite("Planner: the improvement phase")
struct PlannerImprovementTests {
  /// The instance on which the construction and the local search left two visits out
  /// ("blocked by TEAM_BUSY") when a plan with all of them exists.
  @Test func everyVisitOfTheThousandUnitInstanceIsPlaced() throws {
    let calendar = try calendar2026()
    let input = PlanInput.generated(units: 1_000, teams: 40, seed: 1)
    // One round of local search, for a debug build's sake: the service runs four, then the
    // phase for up to Planner.defaultIterations.
    let withoutPhase = try Planner(improvementRounds: 1).plan(input, calendar: calendar)
    #expect(!withoutPhase.unplaced.isEmpty, "the instance no longer needs the improvement phase to place every visit")
    let programme = try Planner(improvementRounds: 1, improvementIterations: 500).plan(input, calendar: calendar)
    #expect(programme.unplaced.map(\.due.dueID) == [])
    #expect(programme.visits.count == input.visitsDue.count)
    #expect(ProgrammeChecker(input: input, calendar: calendar).violations(of: programme).isEmpty)
    #expect(programme.objective.riskDelay < withoutPhase.objective.riskDelay)
  }

  @Test func theSameInputSeedAndIterationsGiveTheSameProgramme() throws {
    let calendar = try calendar2026()
    let input = PlanInput.generated(units: 200, teams: 12, seed: 2)
    let first = try Planner(improvementIterations: 3_000).plan(input, calendar: calendar)
    let second = try Planner(improvementIterations: 3_000).plan(input, calendar: calendar)
    #expect(first.visits == second.visits)
    #expect(first.objective == second.objective)
    // Another seed draws other neighbourhoods.
    var reseeded = input
    reseeded.seed = 99
    let other = try Planner(improvementIterations: 3_000).plan(reseeded, calendar: calendar)
    #expect(other.visits != first.visits)
  }

  @Test func thePhaseNeverLeavesTheObjectiveWorse() throws {
    let calendar = try calendar2026()
    for seed in UInt64(1)...30 {
      let input = crowdedInstance(seed: seed)
      let before = try Planner().plan(input, calendar: calendar).objective
      let after = try Planner(improvementIterations: 500).plan(input, calendar: calendar).objective
      #expect(
        (-after.placed, after.riskDelay) <= (-before.placed, before.riskDelay),
        "seed \(seed): \(after.placed) placed, \(after.riskDelay) after; \(before.placed), \(before.riskDelay) before")
    }
  }

  @Test func aDeadlineAlreadyPassedSkipsThePhase() throws {
    let calendar = try calendar2026()
    let input = PlanInput.generated(units: 200, teams: 12, seed: 1)
    let without = try Planner().plan(input, calendar: calendar)
    let cut = try Planner(improvementIterations: 1_000_000, deadline: .now).plan(input, calendar: calendar)
    #expect(cut.objective == without.objective)
    let cancelled = try Planner(improvementIterations: 1_000_000, isCancelled: { true }).plan(input, calendar: calendar)
    #expect(cancelled.objective == without.objective)
  }
}
