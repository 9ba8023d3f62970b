/// What happened to one visit in a replan.
public struct VisitMove: Sendable, Hashable {
  /// What kind of change.
  public enum Kind: Sendable, Hashable {
    /// Placed at other dates or with another team.
    case moved
    /// Newly placed: a unit added, or a visit that was unplaced before.
    case added
    /// Removed because it was cancelled.
    case cancelled
    /// Was placed, now cannot be (see the programme's unplaced list).
    case unplaced
  }

  /// The visit's id.
  public var visitID: String
  /// The unit visited.
  public var unitCode: String
  /// What happened.
  public var kind: Kind
  /// The visit before the replan; `nil` for ``Kind/added``.
  public var before: Visit?
  /// The visit after; `nil` for ``Kind/cancelled`` and ``Kind/unplaced``.
  public var after: Visit?
  /// Why it moved, e.g. the rule the old placement broke.
  public var reason: String

  /// A change to one visit.
  public init(visitID: String, unitCode: String, kind: Kind, before: Visit?, after: Visit?, reason: String) {
    self.visitID = visitID
    self.unitCode = unitCode
    self.kind = kind
    self.before = before
    self.after = after
    self.reason = reason
  }
}
