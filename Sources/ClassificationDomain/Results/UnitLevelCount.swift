/// How many subjects of one kind in one unit were rated at one level, and how many of them the
/// quota demoted: a year's ratings counted by the store, which ``UnitTallies`` adds up.
public struct UnitLevelCount: Sendable, Hashable {
  public var unitCode: String
  public var subjectKind: RatingSubjectKind
  public var level: RatingLevel
  public var count: Int
  public var demoted: Int

  public init(unitCode: String, subjectKind: RatingSubjectKind, level: RatingLevel, count: Int, demoted: Int = 0) {
    self.unitCode = unitCode
    self.subjectKind = subjectKind
    self.level = level
    self.count = count
    self.demoted = demoted
  }
}
