/// The result of a replan: the new programme and only the visits that changed.
public struct ReplanReport: Sendable, Hashable {
  /// The programme after the changes.
  public var programme: Programme
  /// The visits that changed, ordered by visit id.
  public var moves: [VisitMove]
  /// Visits left exactly as they were.
  public var unchanged: Int

  /// A replan's result.
  public init(programme: Programme, moves: [VisitMove], unchanged: Int) {
    self.programme = programme
    self.moves = moves
    self.unchanged = unchanged
  }
}
