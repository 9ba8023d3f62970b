import Dispatch
import Foundation
import InspectionDomain
import Synchronization

/// How Plan honours its `time_limit_ms`: the planner runs its construction and local search,
/// then its improvement phase for up to ``Planner/defaultIterations`` iterations, stopped at
/// the budget (see SearchBudget) or when the caller goes away. It runs on a thread of its
/// own, not on Swift's cooperative pool, so that a long plan does not hold up the worker's
/// other jobs and heartbeats.
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

  /// Plans `input` on `calendar` within the budget. When the calling task is cancelled, the
  /// improvement phase stops at its next check.
  func plan(_ input: PlanInput, calendar: WorkingCalendar) async throws(PlanningError) -> Outcome {
    let cancelled = CancelFlag()
    let budget = self.budget
    let result = await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Result<Outcome, PlanningError>, Never>) in
        DispatchQueue.global(qos: .userInitiated).async {
          continuation.resume(
            returning: Result { () throws(PlanningError) in
              let clock = ContinuousClock()
              let start = clock.now
              let planner = Planner(
                improvementIterations: Planner.defaultIterations, deadline: start + budget.budget,
                isCancelled: { cancelled.isSet })
              let programme = try planner.plan(input, calendar: calendar)
              return Outcome(programme: programme, elapsed: clock.now - start)
            })
        }
      }
    } onCancel: {
      cancelled.set()
    }
    return try result.get()
  }
}

/// Set once, when the caller of a plan goes away.
private final class CancelFlag: Sendable {
  private let value = Atomic<Bool>(false)

  var isSet: Bool { value.load(ordering: .relaxed) }

  func set() { value.store(true, ordering: .relaxed) }
}
