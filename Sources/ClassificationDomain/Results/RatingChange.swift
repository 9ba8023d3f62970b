/// How one subject's level moved from last year to this year.
public struct RatingChange: Sendable, Hashable {
  /// The subject's kind.
  public var subjectKind: RatingSubjectKind
  /// Person id or unit code.
  public var subjectId: String
  /// Last year's level; `nil` when the subject was not rated last year.
  public var previousLevel: RatingLevel?
  /// This year's level.
  public var level: RatingLevel

  /// Whether the level rose.
  public var improved: Bool { previousLevel.map { level.isBetter(than: $0) } ?? false }
  /// Whether the level fell.
  public var worsened: Bool { previousLevel.map { $0.isBetter(than: level) } ?? false }

  /// The subjects of `current` whose level differs from `previous` or who are new, by kind then
  /// subject id.
  public static func between(previous: [Rating], current: [Rating]) -> [RatingChange] {
    var earlier: [String: RatingLevel] = [:]
    for rating in previous { earlier[key(rating)] = rating.level }
    return current.compactMap { rating -> RatingChange? in
      let before = earlier[key(rating)]
      guard before != rating.level else { return nil }
      return RatingChange(
        subjectKind: rating.subjectKind, subjectId: rating.subjectId, previousLevel: before, level: rating.level)
    }
    .sorted { ($0.subjectKind.order, $0.subjectId) < ($1.subjectKind.order, $1.subjectId) }
  }

  private static func key(_ rating: Rating) -> String { "\(rating.subjectKind.rawValue)\u{1F}\(rating.subjectId)" }
}
