import ReformKit

/// A placed visit (cuộc kiểm tra, giám sát) of a ``Programme``.
///
/// A visit occupies ``workingDays`` consecutive working days from ``firstDay`` to
/// ``lastDay``; the non-working days between them (weekends, holidays) are skipped, not
/// occupied, so a 5-day visit starting on a Thursday ends on the next Wednesday.
public struct Visit: Sendable, Hashable {
  /// The visit's id: its due's id, so it stays the same across replans.
  public var visitID: String
  /// The ``VisitDue`` it places.
  public var dueID: String
  /// The unit visited.
  public var unitCode: String
  /// The unit's name in Vietnamese.
  public var unitName: String
  /// The team that makes the visit.
  public var teamID: String
  /// The kind of inspection or supervision.
  public var kind: VisitKind
  /// The first day, a working day.
  public var firstDay: CivilDate
  /// The last day, a working day.
  public var lastDay: CivilDate
  /// Working days from ``firstDay`` to ``lastDay``, both included.
  public var workingDays: Int
  /// The unit's risk score used, basis points.
  public var riskBP: Int
  /// What the visit is about.
  public var topic: String

  /// A placed visit.
  public init(
    visitID: String, dueID: String, unitCode: String, unitName: String, teamID: String, kind: VisitKind,
    firstDay: CivilDate, lastDay: CivilDate, workingDays: Int, riskBP: Int, topic: String
  ) {
    self.visitID = visitID
    self.dueID = dueID
    self.unitCode = unitCode
    self.unitName = unitName
    self.teamID = teamID
    self.kind = kind
    self.firstDay = firstDay
    self.lastDay = lastDay
    self.workingDays = workingDays
    self.riskBP = riskBP
    self.topic = topic
  }
}
