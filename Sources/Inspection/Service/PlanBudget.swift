import Dispatch
import Foundation
import InspectionDomain
import Synchronization

/// How Plan honours its `time_limit_ms`: by choosing how many rounds of local search the
/// ``Planner`` runs, since a round cannot be stopped half-way.
///
/// The planner first runs with one round (the greedy construction and one round of search:
/// always done, whatever the budget). That run's time `t` bounds the cost of any later round,
/// so, if the budget left holds at least two more such times, the planner runs again with as
/// many rounds as fit (`⌊(budget − t) / t⌋`, at most ``maxRounds``), and the better of the two
/// programmes is kept. The search stops by itself as soon as a round changes nothing, so when
/// it converges within the rounds allowed the answer is the same whatever the budget; only
/// when it does not is the answer tied to the time the first run took.
///
/// The budget is the request's limit (default ``defaultMilliseconds``), shortened to 80% of
/// the time left before the caller's deadline when that comes first. The search runs on a
/// thread of its own, not on Swift's cooperative pool, so that a long plan does not hold up
/// the worker's other jobs and heartbeats.
struct PlanBudget: Sendable {
  static let defaultMilliseconds = 10_000
  /// Rounds of local search at most, however large the budget.
  static let maxRounds = 64

  /// A planned programme and the time its search took.
  struct Outcome: Sendable {
    var programme: Programme
    var elapsed: Duration
  }

  /// The time the planner may take.
  let budget: Duration

  /// The budget of a request with `timeLimitMilliseconds` (0 for the default) made at `now`,
  /// whose caller waits until `deadline`.
  init(timeLimitMilliseconds: Int32, deadline: Date?, now: Date) {
    var milliseconds = timeLimitMilliseconds == 0 ? Self.defaultMilliseconds : Int(timeLimitMilliseconds)
    if let deadline {
      let left = Int(max(0, deadline.timeIntervalSince(now)) * 1_000 * 0.8)
      milliseconds = min(milliseconds, left)
    }
    budget = .milliseconds(milliseconds)
  }

  /// Plans `input` on `calendar` within the budget (see the type's description). When the
  /// calling task is cancelled, no second run starts.
  func plan(_ input: PlanInput, calendar: WorkingCalendar) async throws(PlanningError) -> Outcome {
    let cancelled = Atomic<Bool>(false)
    let result = await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Result<Outcome, PlanningError>, Never>) in
        DispatchQueue.global(qos: .userInitiated).async {
          continuation.resume(
            returning: Result { () throws(PlanningError) in
              try search(input, calendar: calendar) { cancelled.load(ordering: .relaxed) }
            })
        }
      }
    } onCancel: {
      cancelled.store(true, ordering: .relaxed)
    }
    return try result.get()
  }

  /// The one or two runs of the planner.
  private func search(_ input: PlanInput, calendar: WorkingCalendar, isCancelled: () -> Bool) throws(PlanningError)
    -> Outcome
  {
    let clock = ContinuousClock()
    let start = clock.now
    var programme = try Planner(improvementRounds: 1).plan(input, calendar: calendar)
    let first = max(clock.now - start, .microseconds(10))
    let affordable = (budget - first) / first
    if affordable >= 2, !isCancelled() {
      let more = min(Self.maxRounds, Int(affordable))
      let longer = try Planner(improvementRounds: more).plan(input, calendar: calendar)
      if !programme.objective.isBetter(than: longer.objective) { programme = longer }
    }
    return Outcome(programme: programme, elapsed: clock.now - start)
  }
}
