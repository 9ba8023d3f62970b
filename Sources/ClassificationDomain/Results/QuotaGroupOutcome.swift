/// The quota arithmetic of one group in a run: counts entering, the number allowed, and how
/// many were demoted.
public struct QuotaGroupOutcome: Sendable, Hashable {
  /// The subjects counted.
  public var subjectKind: RatingSubjectKind
  /// The quota unit.
  public var quotaUnitCode: String
  /// The duty group; `nil` for the unit's limit as a whole.
  public var dutyGroup: String?
  /// The share applied; `nil` when an exception lifted the limit or fixed the count.
  public var shareBasisPoints: Int?
  /// HTXSNV when the limit was applied (for a unit, after its duty groups' demotions).
  public var excellentBefore: Int
  /// HTTNV when the limit was applied.
  public var goodBefore: Int
  /// Subjects rated in the group.
  public var rated: Int
  /// HTXSNV allowed after demotions; `nil` when unlimited.
  public var allowedExcellent: Int?
  /// Subjects demoted by this group's limit.
  public var demoted: Int
  /// The exception that applied, if any.
  public var exceptionId: String?

  /// HTXSNV after this group's demotions.
  public var excellentAfter: Int { excellentBefore - demoted }
  /// HTTNV after this group's demotions.
  public var goodAfter: Int { goodBefore + demoted }
}
