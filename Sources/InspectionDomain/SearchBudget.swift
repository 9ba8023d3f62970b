import Foundation

/// How long the ``Planner`` may search: the wall-clock cap of its improvement phase.
///
/// The construction and the local search always run to the end; the improvement phase then
/// runs for ``Planner/defaultIterations`` iterations or until the budget is spent, whichever
/// comes first. Within the budget the answer depends only on the input and its seed; a budget
/// too short for every iteration ends the search where the time ran out.
///
/// The budget is the request's limit (default ``defaultMilliseconds``), shortened to 80% of
/// the time left before the caller's deadline when that comes first.
public struct SearchBudget: Sendable, Hashable {
  public static let defaultMilliseconds = 10_000

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
}
