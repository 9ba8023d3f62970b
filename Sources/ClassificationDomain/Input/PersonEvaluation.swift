/// What rating one person for one year reads (phiếu đánh giá cá nhân): scores, tasks,
/// discipline, decline findings and positions.
public struct PersonEvaluation: Sendable, Hashable, Codable {
  /// The person's id.
  public var personId: String
  /// The year rated.
  public var year: Int
  /// Party member, civil servant or public employee.
  public var subjectKind: RatingSubjectKind
  /// Full name as rated.
  public var subjectName: String?
  /// The unit the person is rated in (a Party member's chi bộ; a civil servant's unit).
  public var unitCode: String
  /// The unit whose quota the person counts in (cơ quan, đơn vị); ``unitCode`` when `nil`.
  public var quotaUnitCode: String?
  /// Group of similar duties (nhóm có chức trách, nhiệm vụ tương đồng) the quota also applies
  /// within; `nil` for none.
  public var dutyGroup: String?
  /// Points; required by a rule set with a scale, unused by one without.
  public var scores: RatingScores?
  /// The year's tasks; `nil` when none were assigned.
  public var tasks: TaskCounts?
  /// Disciplinary decisions relevant to the year, including earlier ones flagged as counted.
  public var discipline: [DisciplineRecord]
  /// Findings of decline.
  public var declines: [DeclineFinding]
  /// Positions held during the year.
  public var positions: [RatingPosition]
  /// The level the assessing body proposed (mức xếp loại đề xuất): the starting level for a
  /// rule set without points (124-QĐ/TW).
  public var assessedLevel: RatingLevel?
  /// The person's self-assessment; recorded, not used in rating.
  public var selfAssessedLevel: RatingLevel?

  /// The evaluation of `personId` in `unitCode` for `year`.
  public init(
    personId: String, year: Int, subjectKind: RatingSubjectKind = .partyMember,
    subjectName: String? = nil, unitCode: String, quotaUnitCode: String? = nil,
    dutyGroup: String? = nil, scores: RatingScores? = nil, tasks: TaskCounts? = nil,
    discipline: [DisciplineRecord] = [], declines: [DeclineFinding] = [],
    positions: [RatingPosition] = [], assessedLevel: RatingLevel? = nil,
    selfAssessedLevel: RatingLevel? = nil
  ) {
    self.personId = personId
    self.year = year
    self.subjectKind = subjectKind
    self.subjectName = subjectName
    self.unitCode = unitCode
    self.quotaUnitCode = quotaUnitCode
    self.dutyGroup = dutyGroup
    self.scores = scores
    self.tasks = tasks
    self.discipline = discipline
    self.declines = declines
    self.positions = positions
    self.assessedLevel = assessedLevel
    self.selfAssessedLevel = selfAssessedLevel
  }

  /// The unit whose quota the person counts in.
  public var effectiveQuotaUnitCode: String {
    if let quotaUnitCode, !quotaUnitCode.isEmpty { return quotaUnitCode }
    return unitCode
  }

  /// The duty group, `nil` when absent or empty.
  public var effectiveDutyGroup: String? {
    guard let dutyGroup, !dutyGroup.isEmpty else { return nil }
    return dutyGroup
  }

  /// The units the person leads, in position order, each once.
  public var ledUnitCodes: [String] {
    var seen = Set<String>()
    return positions.compactMap { position in
      guard let code = position.ledUnitCode, !code.isEmpty, seen.insert(code).inserted else { return nil }
      return code
    }
  }
}
