import ReformKit

/// The planner's rules, each a value an operator sets. The defaults are practice and
/// *(unconfirmed)* unless a source is named.
public struct PlanningRules: Sendable, Hashable {
  /// Minimum working days strictly between the last day of one visit to a unit and the first
  /// day of the next; default 20 *(unconfirmed, practice)*.
  public var minGapWorkingDays: Int
  /// Visits a team may start per calendar month, counted in the month of each visit's first
  /// day; default 2 *(unconfirmed, practice)*.
  public var maxVisitsPerTeamPerMonth: Int
  /// Longest visit in working days; default 20, the limit at the level directly above the
  /// grassroots (Quyết định 331-QĐ/TW). Whether the limit counts working or calendar days is
  /// *(unconfirmed)*; here it counts working days.
  public var maxLengthDays: Int
  /// Extension allowed beyond ``maxLengthDays``, in basis points, rounded down to whole days;
  /// default 3333 (a third, 331-QĐ/TW): at most 26 working days with the defaults.
  public var extensionBP: Int
  /// Length by kind and unit size, for visits due without a length.
  public var lengths: [LengthRule]
  /// Inspectors of a team who must be available on each day of a visit; `nil` for all of them.
  public var minInspectorsPresent: Int?
  /// The rules' sources.
  public var sources: [SourceRef]

  /// Rules with the given values; each default is described on its property.
  public init(
    minGapWorkingDays: Int = 20,
    maxVisitsPerTeamPerMonth: Int = 2,
    maxLengthDays: Int = 20,
    extensionBP: Int = 3333,
    lengths: [LengthRule] = [],
    minInspectorsPresent: Int? = nil,
    sources: [SourceRef] = PlanningRules.defaultSources
  ) {
    self.minGapWorkingDays = minGapWorkingDays
    self.maxVisitsPerTeamPerMonth = maxVisitsPerTeamPerMonth
    self.maxLengthDays = maxLengthDays
    self.extensionBP = extensionBP
    self.lengths = lengths
    self.minInspectorsPresent = minInspectorsPresent
    self.sources = sources
  }

  /// Quy định 296-QĐ/TW and Quyết định 331-QĐ/TW.
  public static let defaultSources: [SourceRef] = [
    SourceRef(
      document: "Quy định 296-QĐ/TW", issued: CivilDate(year: 2025, month: 5, day: 30),
      note: "Công tác kiểm tra, giám sát và kỷ luật của Đảng; thay Quy định 22-QĐ/TW."),
    SourceRef(
      document: "Quyết định 331-QĐ/TW",
      note: "Thời hạn kiểm tra: tối đa 20 ngày ở cấp trên trực tiếp cơ sở, gia hạn không quá một phần ba."),
  ]

  /// The longest visit allowed, extension included, in working days.
  public var longestVisitDays: Int {
    maxLengthDays + maxLengthDays * extensionBP / 10_000
  }

  /// The length of `due`: its own, or the length table's; `nil` when it has none and no row
  /// of the table applies.
  public func length(of due: VisitDue) -> Int? {
    if let length = due.lengthDays { return length }
    let size = due.unitMemberCount ?? 0
    return
      lengths
      .filter { $0.kind == due.kind && $0.minMembers <= size }
      .max { $0.minMembers < $1.minMembers }?
      .lengthDays
  }
}
