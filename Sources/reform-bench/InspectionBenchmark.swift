import Foundation
import Inspection
import InspectionDomain
import ReformModule
import ReformWire

/// The inspection planner end to end in process: `Inspection.Plan` through
/// ``InspectionModule`` and `ModuleMethods.invoke` — the request encoded and decoded as a job
/// from the hub would be, the programme stored in a real SQLite file in a fresh temporary
/// folder — on the planner's generated instances (`PlanInput.generated`) of 60 units / 6
/// teams and 1,000 units / 40 teams, each planned three times under its own key.
///
/// For each it prints the median wall time of the three calls and the planner's own time, then
/// the programme's figures: visits placed and unplaced, risk delay against its lower bound
/// and the gap between them, and the load spread between teams. The targets in a release
/// build are 1 s and 20 s.
enum InspectionBenchmark {
  /// One instance to plan, and the wall time it should stay within.
  struct Instance {
    var units: Int
    var teams: Int
    var target: Duration
  }

  static let instances = [
    Instance(units: 60, teams: 6, target: .seconds(1)),
    Instance(units: 1_000, teams: 40, target: .seconds(20)),
  ]

  /// Runs every instance; `timeLimitMilliseconds` is the planner's budget (0 for the
  /// service's default, 10 s).
  static func run(timeLimitMilliseconds: Int32 = 0, seed: UInt64 = 1) async throws {
    let bench = try InProcessModule("inspection") { try InspectionModule(databasePath: $0) }
    defer { bench.remove() }
    let methods = bench.methods
    let context = bench.job(
      InspectionService.Plan.info,
      caller: Principal(id: "reform-bench", displayName: "reform-bench", unitCode: "UBKT-DUK", roles: [.inspector]))

    let budget = timeLimitMilliseconds == 0 ? "the default budget (10 s)" : "a budget of \(timeLimitMilliseconds) ms"
    print(
      "reform-bench inspection: Inspection.Plan in process on SQLite, generated instances (seed \(seed)), \(budget); median of 3"
    )
    print(
      "instance             wall ms  planner ms  placed  unplaced       risk delay      lower bound    gap  load spread  target"
    )
    for instance in instances {
      let input = PlanInput.generated(units: instance.units, teams: instance.teams, seed: seed)
      let wireInput = input.wireWithGivenRisks
      var walls: [Duration] = []
      var plannerMilliseconds: [Int64] = []
      var objective = InspectionObjective()
      for run in 1...3 {
        let request = InspectionPlanRequest(
          idempotencyKey: "bench-\(instance.units)-\(instance.teams)-\(run)", input: wireInput,
          name: "Benchmark \(instance.units)/\(instance.teams)", ownerUnitCode: "DUK",
          timeLimitMs: timeLimitMilliseconds)
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await methods.invoke(InspectionService.Plan.self, request, context: context)
        walls.append(clock.now - start)
        plannerMilliseconds.append(response.elapsedMs)
        objective = response.programme?.objective ?? InspectionObjective()
      }
      let wall = walls.sorted()[1]
      let gap =
        objective.riskDelay > 0
        ? String(
          format: "%.1f%%",
          100 * Double(objective.riskDelay - objective.riskDelayLowerBound) / Double(objective.riskDelay))
        : "-"
      let name = "\(instance.units) units/\(instance.teams) teams"
      print(
        name.padding(toLength: 19, withPad: " ", startingAt: 0)
          + " \(wall.millisecondsText.leftPad(8)) \(String(plannerMilliseconds.sorted()[1]).leftPad(11))"
          + " \(String(objective.placed).leftPad(7)) \(String(objective.unplaced).leftPad(9))"
          + " \(String(objective.riskDelay).leftPad(16)) \(String(objective.riskDelayLowerBound).leftPad(16))"
          + " \(gap.leftPad(6)) \(String(objective.loadSpread).leftPad(12))"
          + "  \(wall <= instance.target ? "met" : "MISSED"): ≤ \(instance.target.components.seconds) s")
    }
  }
}
