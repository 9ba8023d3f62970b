/// An annual programme of inspections and supervisions (chương trình kiểm tra, giám sát năm):
/// the visits placed, those that could not be, and how good it is.
///
/// ## Topics
/// - ``csv()``
/// - ``iCalendar(stamp:)``
public struct Programme: Sendable, Hashable {
  /// The year.
  public var year: Int
  /// The placed visits, ordered by first day, then team, then id.
  public var visits: [Visit]
  /// Due visits that could not be placed, each with the rule that blocks it, in input order.
  public var unplaced: [UnplacedVisit]
  /// How good the programme is.
  public var objective: Objective
  /// The input it was planned from; a replan starts from it.
  public var input: PlanInput

  /// A programme.
  public init(year: Int, visits: [Visit], unplaced: [UnplacedVisit], objective: Objective, input: PlanInput) {
    self.year = year
    self.visits = visits
    self.unplaced = unplaced
    self.objective = objective
    self.input = input
  }

  /// The visit with id `visitID`, if placed.
  public func visit(_ visitID: String) -> Visit? {
    visits.first { $0.visitID == visitID }
  }
}
