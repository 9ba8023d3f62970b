/// The tasks of a year (nhiệm vụ được giao): how many, how many on time, how many exceeded.
///
/// Shares are kept as counts and compared by cross-multiplication, so 29 of 97 is never
/// rounded into 30%.
public struct TaskCounts: Sendable, Hashable, Codable {
  /// Tasks assigned.
  public var total: Int
  /// Completed on time (đúng hạn).
  public var onTime: Int
  /// Exceeded in progress, quality or volume (vượt mức); a subset of ``onTime``.
  public var exceeded: Int

  /// `onTime` and `exceeded` of `total` tasks.
  public init(total: Int, onTime: Int, exceeded: Int) {
    self.total = total
    self.onTime = onTime
    self.exceeded = exceeded
  }
}
