import Foundation

/// How much local search a plan may run within its time limit, since a round of the
/// ``Planner``'s search cannot be stopped half-way.
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
/// the time left before the caller's deadline when that comes first.
public struct SearchBudget: Sendable, Hashable {
  public static let defaultMilliseconds = 10_000
  /// Rounds of local search at most, however large the budget.
  public static let maxRounds = 64

  /// The time the planner may take.
  public let budget: Duration

  /// The budget of a request with `timeLimitMilliseconds` (0 for the default) made at `now`,
  /// whose caller waits until `deadline`.
  public init(timeLimitMilliseconds: Int, deadline: Date?, now: Date) {
    var milliseconds = timeLimitMilliseconds == 0 ? Self.defaultMilliseconds : timeLimitMilliseconds
    if let deadline {
      let left = Int(max(0, deadline.timeIntervalSince(now)) * 1_000 * 0.8)
      milliseconds = min(milliseconds, left)
    }
    budget = .milliseconds(milliseconds)
  }

  /// The rounds of the second run when the first took `first`; nil when no second run fits.
  public func secondRunRounds(afterFirstRunOf first: Duration) -> Int? {
    let first = max(first, .microseconds(10))
    let affordable = (budget - first) / first
    guard affordable >= 2 else { return nil }
    return min(Self.maxRounds, Int(affordable))
  }
}
