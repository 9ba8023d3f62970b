/// Everything one run rates: the year, its people and its collectives.
public struct ClassificationInput: Sendable, Hashable, Codable {
  /// The year rated; every evaluation must be for it.
  public var year: Int
  /// People, in any order: results do not depend on it.
  public var persons: [PersonEvaluation]
  /// Collectives, in any order; they are rated before people.
  public var collectives: [CollectiveEvaluation]

  /// The input for `year`.
  public init(year: Int, persons: [PersonEvaluation] = [], collectives: [CollectiveEvaluation] = []) {
    self.year = year
    self.persons = persons
    self.collectives = collectives
  }
}
