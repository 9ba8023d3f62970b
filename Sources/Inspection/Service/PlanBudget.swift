import Dispatch
import Foundation
import InspectionDomain
import Synchronization

/// How Plan honours its `time_limit_ms`: the planner runs once or twice as ``SearchBudget``
/// allows, on a thread of its own, not on Swift's cooperative pool, so that a long plan does
/// not hold up the worker's other jobs and heartbeats.
struct PlanBudget: Sendable {
  /// A planned programme and the time its search took.
  struct Outcome: Sendable {
    var programme: Programme
    var elapsed: Duration
  }

  /// How much search the plan may run.
  let budget: SearchBudget

  /// The budget of a request with `timeLimitMilliseconds` (0 for the default) made at `now`,
  /// whose caller waits until `deadline`.
  init(timeLimitMilliseconds: Int32, deadline: Date?, now: Date) {
    budget = SearchBudget(timeLimitMilliseconds: Int(timeLimitMilliseconds), deadline: deadline, now: now)
  }

  /// Plans `input` on `calendar` within the budget (see SearchBudget). When the
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
    if let more = budget.secondRunRounds(afterFirstRunOf: clock.now - start), !isCancelled() {
      let longer = try Planner(improvementRounds: more).plan(input, calendar: calendar)
      if !programme.objective.isBetter(than: longer.objective) { programme = longer }
    }
    return Outcome(programme: programme, elapsed: clock.now - start)
  }
}
