import ReformKit

/// A conclusion of a competent body that a person shows ideological, political, moral or
/// lifestyle decline (suy thoái về tư tưởng chính trị, đạo đức, lối sống; "tự diễn biến",
/// "tự chuyển hóa").
public struct DeclineFinding: Sendable, Hashable, Codable {
  /// Date of the conclusion; it counts in that year.
  public var concluded: CivilDate
  /// The document concluding it (kết luận của cấp có thẩm quyền).
  public var conclusion: SourceRef?
  /// What was found, in words.
  public var finding: String
  /// Already counted when rating an earlier year, so it does not count again.
  public var countedInEarlierYear: Bool

  /// A finding concluded on `concluded`.
  public init(
    concluded: CivilDate, conclusion: SourceRef? = nil, finding: String = "",
    countedInEarlierYear: Bool = false
  ) {
    self.concluded = concluded
    self.conclusion = conclusion
    self.finding = finding
    self.countedInEarlierYear = countedInEarlierYear
  }
}
