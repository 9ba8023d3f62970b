import Foundation
import Inspection
import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

/// How good the planner's programmes are, beside an exact solver on the same instances.
///
///     reform-bench planner-quality [--seeds 1,2] [--reference] [--reference-seconds 60]
///       [--python python3] [--script PATH] [--models DIR]
///
/// For 60 units / 6 teams, 200 / 12 and 1,000 / 40 (`PlanInput.generated`) and each seed, plans
/// through `Inspection.Plan` in process with the service's default budget (as
/// ``InspectionBenchmark`` does), then exports the same problem on the calendar the service
/// planned on (``Planner/referenceModel(of:calendar:hint:)``) with the programme as hint, and
/// runs `Benchmarks/planner-reference/reference.py` on it. It prints the planner's visits
/// placed and unplaced, its risk delay, the planner's own lower bound (each visit at its
/// earliest slot alone), the script's LP bound and the gap (risk delay − LP bound) / LP bound,
/// and the planner's time. With `--reference`, CP-SAT also solves each instance in the same
/// run (2 workers, `--reference-seconds` each; on 1,000 / 40, where it finds no full plan
/// alone in minutes, started from the planner's programme; on the others, where its run alone
/// ends behind the planner, run again from the planner's programme, the better answer kept),
/// and its visits placed, best risk delay, status and time are printed beside, with the
/// planner's excess over it.
///
/// The script needs Python 3 with OR-tools, best in a virtual environment of its own (`python3 -m
/// venv ~/ortools && ~/ortools/bin/pip install ortools`, then `--python ~/ortools/bin/python`:
/// OR-tools pins an older protobuf runtime than the interop tests' generated code needs); without it no
/// bound is printed. It checks every plan it prints, the planner's included, against each hard
/// rule on its own, and the benchmark stops if one breaks or if the planner's figures differ
/// from the script's reading of the same programme.
enum PlannerQualityBenchmark {
  /// One generated instance.
  struct Instance {
    var units: Int
    var teams: Int
    /// Whether CP-SAT starts from the planner's programme.
    var hinted: Bool
  }

  static let instances = [
    Instance(units: 60, teams: 6, hinted: false),
    Instance(units: 200, teams: 12, hinted: false),
    Instance(units: 1_000, teams: 40, hinted: true),
  ]

  struct Options {
    var seeds: [UInt64] = [1, 2]
    var reference = false
    var referenceSeconds = 60.0
    var python = "python3"
    var script: String?
    var models: String?

    init(_ arguments: [String]) throws {
      var reader = OptionReader(arguments)
      while let option = reader.nextOption() {
        switch option {
        case "--seeds":
          let text = try reader.value()
          seeds = try text.split(separator: ",").map { part in
            guard let seed = UInt64(part) else {
              throw BenchmarkFailure(description: "--seeds \(text): not a list of seeds")
            }
            return seed
          }
        case "--reference": reference = true
        case "--reference-seconds": referenceSeconds = try reader.number()
        case "--python": python = try reader.value()
        case "--script": script = try reader.value()
        case "--models": models = try reader.value()
        default: throw BenchmarkFailure(description: "planner-quality: unknown option \(option)")
        }
      }
    }
  }

  /// What `reference.py` printed.
  struct Reference: Decodable {
    var hint_placed, hint_risk_delay: Int
    var lp_bound, placed, risk_delay: Int?
    var lp_seconds: Double
    var status: String?
    var seconds: Double?
  }

  static func run(_ arguments: [String]) async throws {
    let options = try Options(arguments)
    let script = try scriptPath(options.script)
    let solverMissing = orToolsMissing(python: options.python)
    let bench = try InProcessModule("inspection") { try InspectionModule(databasePath: $0) }
    defer { bench.remove() }
    let models = options.models ?? bench.folder.path
    try FileManager.default.createDirectory(atPath: models, withIntermediateDirectories: true)
    let caller = Principal(
      id: "reform-bench", displayName: "reform-bench", unitCode: "UBKT-DUK", roles: [.inspector])

    print(
      "reform-bench planner-quality: Inspection.Plan in process on SQLite with the default budget (10 s),"
        + " generated instances")
    if let solverMissing {
      print("no bound and no reference: \(solverMissing)")
    } else if options.reference {
      print(
        "reference: CP-SAT (OR-tools), 2 workers, \(Int(options.referenceSeconds)) s per instance;"
          + " started from the planner's programme on 1,000/40, and again from it where a run alone ends"
          + " behind the planner (status +h: that run's answer was the better; time²: both runs)")
    } else {
      print("no reference (add --reference); the LP bound only")
    }
    var header =
      "instance        seed  placed  unplaced     risk delay    own bound     LP bound     gap  planner ms  LP s"
    if options.reference { header += "  | placed     risk delay  status       time s  planner excess" }
    print(header)

    for instance in instances {
      for seed in options.seeds {
        let input = PlanInput.generated(units: instance.units, teams: instance.teams, seed: seed)
        let response = try await bench.methods.invoke(
          InspectionService.Plan.self,
          InspectionPlanRequest(
            idempotencyKey: "quality-\(instance.units)-\(instance.teams)-\(seed)", input: input.wireWithGivenRisks,
            name: "Benchmark \(instance.units)/\(instance.teams)", ownerUnitCode: "DUK"),
          context: bench.job(InspectionService.Plan.info, caller: caller))
        let objective = response.programme?.objective ?? InspectionObjective()
        var line =
          "\(instance.units)/\(instance.teams)".padding(toLength: 14, withPad: " ", startingAt: 0)
          + " \(String(seed).leftPad(5)) \(String(objective.placed).leftPad(7))"
          + " \(String(objective.unplaced).leftPad(9))"
          + " \(String(objective.riskDelay).leftPad(14)) \(String(objective.riskDelayLowerBound).leftPad(12))"

        guard solverMissing == nil else {
          print(line + " \("-".leftPad(12)) \("-".leftPad(7)) \(String(response.elapsedMs).leftPad(11))")
          continue
        }
        let calendar = try await serviceCalendar(year: input.year, bench, caller: caller)
        let hint = try (response.programme?.visits ?? []).map(visit)
        let model = "\(models)/planner-\(instance.units)-\(instance.teams)-seed\(seed).json"
        try Data(try Planner.referenceModel(of: input, calendar: calendar, hint: hint))
          .write(to: URL(fileURLWithPath: model))
        var scriptArguments = [script, model]
        if options.reference {
          scriptArguments += ["--seconds", String(options.referenceSeconds)]
          if instance.hinted { scriptArguments.append("--hint") }
        } else {
          scriptArguments.append("--bound-only")
        }
        var reference = try runScript(options.python, scriptArguments)
        // A reference behind the planner says little: CP-SAT then starts again from the
        // planner's programme, and the better of its two answers is the reference.
        var secondTry = false
        if options.reference, !instance.hinted, let placed = reference.placed, let riskDelay = reference.risk_delay,
          (-placed, riskDelay) > (-Int(objective.placed), Int(objective.riskDelay))
        {
          let hinted = try runScript(options.python, scriptArguments + ["--hint"])
          if let hintedPlaced = hinted.placed, let hintedDelay = hinted.risk_delay,
            (-hintedPlaced, hintedDelay) < (-placed, riskDelay)
          {
            reference.placed = hintedPlaced
            reference.risk_delay = hintedDelay
            reference.status = hinted.status.map { $0 + "+h" }
          }
          reference.seconds = (reference.seconds ?? 0) + (hinted.seconds ?? 0)
          secondTry = true
        }
        guard reference.hint_placed == Int(objective.placed), reference.hint_risk_delay == Int(objective.riskDelay)
        else {
          throw BenchmarkFailure(
            description: "\(model): the script reads \(reference.hint_placed) visits and risk delay"
              + " \(reference.hint_risk_delay) in the planner's programme, the planner \(objective.placed) and"
              + " \(objective.riskDelay)")
        }

        let bound = reference.lp_bound.map(String.init) ?? "-"
        let gap = reference.lp_bound.map { bound in
          bound > 0 ? percent(Double(Int(objective.riskDelay) - bound) / Double(bound)) : "-"
        } ?? "-"
        line +=
          " \(bound.leftPad(12)) \(gap.leftPad(7)) \(String(response.elapsedMs).leftPad(11))"
          + " \(String(format: "%.1f", reference.lp_seconds).leftPad(5))"
        if options.reference {
          let status = reference.status ?? "-"
          let time = reference.seconds.map { String(format: secondTry ? "%.1f²" : "%.1f", $0) } ?? "-"
          if let placed = reference.placed, let riskDelay = reference.risk_delay {
            let excess =
              placed != Int(objective.placed)
              ? "places \(placed - Int(objective.placed)) more"
              : riskDelay > 0 ? percent(Double(Int(objective.riskDelay) - riskDelay) / Double(riskDelay)) : "-"
            line +=
              "  | \(String(placed).leftPad(6)) \(String(riskDelay).leftPad(14))"
              + "  \(status.padding(toLength: 11, withPad: " ", startingAt: 0))"
              + " \(time.leftPad(6))  \(excess.leftPad(14))"
          } else {
            line += "  | no plan: \(status) after \(time) s"
          }
        }
        print(line)
      }
    }
  }

  /// `fraction` as a percentage with one decimal.
  private static func percent(_ fraction: Double) -> String {
    String(format: "%.1f%%", 100 * fraction)
  }

  /// The working-day calendar the service plans on for `year`: the module's own answer to
  /// GetCalendar, which applies the notice its store holds, matched day by day against the
  /// domain calendar built from the module's built-in notice, which the export needs.
  private static func serviceCalendar(year: Int, _ bench: InProcessModule, caller: Principal) async throws
    -> WorkingCalendar
  {
    let served = try await bench.methods.invoke(
      InspectionService.GetCalendar.self, InspectionGetCalendarRequest(year: Int32(year)),
      context: bench.job(InspectionService.GetCalendar.info, caller: caller))
    let calendar = try WorkingCalendar(year: year, notice: year == 2026 ? .vietnam2026 : nil)
    let servedWorking = served.days.filter(\.working).compactMap(\.date).map(civilDate)
    guard servedWorking == calendar.workingDays else {
      throw BenchmarkFailure(description: "the service's calendar of \(year) differs from the one exported")
    }
    return calendar
  }

  /// The programme's visit for the export, which reads only its due, team and first day (so
  /// its kind is left at the default).
  private static func visit(_ visit: InspectionVisit) throws -> Visit {
    guard let first = visit.firstDay.flatMap(civilDate), let last = visit.lastDay.flatMap(civilDate) else {
      throw BenchmarkFailure(description: "visit \(visit.visitId) has no first or last day")
    }
    return Visit(
      visitID: visit.visitId, dueID: visit.dueId, unitCode: visit.unitCode, unitName: visit.unitName,
      teamID: visit.teamId, kind: .programmed, firstDay: first, lastDay: last,
      workingDays: Int(visit.workingDays), riskBP: Int(visit.riskBp), topic: visit.topic)
  }

  private static func civilDate(_ date: CalendarDate) -> CivilDate? {
    CivilDate(year: Int(date.year), month: Int(date.month), day: Int(date.day))
  }

  /// The script given, or `Benchmarks/planner-reference/reference.py` in the current folder or
  /// in the package that holds this executable.
  private static func scriptPath(_ given: String?) throws -> String {
    if let given { return given }
    do { return try BenchmarkScript.path("Benchmarks/planner-reference/reference.py") } catch {
      throw BenchmarkFailure(description: "\(error); give --script PATH")
    }
  }

  /// Why `python` cannot run the script (no interpreter, or no OR-tools), or nil when it can.
  private static func orToolsMissing(python: String) -> String? {
    let status: Int32
    do {
      status = try Process.output(
        "/usr/bin/env", [python, "-c", "import ortools.sat.python.cp_model, ortools.linear_solver.pywraplp"],
        standardError: .discarded
      ).status
    } catch {
      return "cannot run \(python): \(error)"
    }
    return status == 0
      ? nil : "\(python) cannot import OR-tools (python3 -m venv ~/ortools && ~/ortools/bin/pip install ortools; then --python ~/ortools/bin/python)"
  }

  /// Runs `python` with `arguments` and reads the one JSON line the script prints; its
  /// standard error goes to ours.
  private static func runScript(_ python: String, _ arguments: [String]) throws -> Reference {
    let (status, output) = try Process.output("/usr/bin/env", [python] + arguments)
    guard status == 0 else {
      throw BenchmarkFailure(description: "\(arguments.joined(separator: " ")) failed with status \(status)")
    }
    return try JSONDecoder().decode(Reference.self, from: output)
  }
}
