import ReformKit

/// A person of the bloc: Party member, cán bộ, công chức, viên chức or người lao động — one
/// person can be several — as `Person` in `person.proto`.
///
/// Indicator 1 counts a person's ``studies``; indicator 4b compares a leader's
/// ``theoryLevel`` with the ``requiredTheoryLevel`` of their title. Rules a single record
/// must keep are ``validationProblems``; rules against the tree are ``PersonRoster``'s.
public struct Person: Sendable, Hashable, Codable {
  /// Stable identifier, e.g. a personnel number; empty for a new person whose id the store
  /// assigns. See ``CodeSyntax``.
  public var id: String
  /// Họ và tên, with diacritics (NFC), e.g. "Nguyễn Thị Hoa".
  public var fullName: String
  /// Giới tính, when recorded.
  public var gender: PersonGender?
  /// Ngày sinh, when recorded.
  public var birthDate: CivilDate?
  /// Dân tộc, e.g. "Kinh", "Thái", "Mông", "Dao".
  public var ethnicity: String
  /// Staff categories; empty for a Party member who is none of them (e.g. retired).
  public var categories: Set<PersonCategory>
  /// Present for Party members only.
  public var partyMembership: PartyMembership?
  /// The unit the person is counted under: a member's Party cell, anyone else's workplace's
  /// Party unit.
  public var unitCode: String
  /// Nơi công tác, e.g. "Phòng Tổ chức cán bộ, Sở Nội vụ".
  public var workplace: String
  /// Chức vụ, chức danh, e.g. "Phó Giám đốc Sở"; empty for none.
  public var position: String
  /// Whether the position is a leadership or management one (giữ chức vụ lãnh đạo, quản lý):
  /// the population of indicator 4b.
  public var leaderOrManager: Bool
  /// The person's political-theory level, when recorded.
  public var theoryLevel: PoliticalTheoryLevel?
  /// The level the person's title requires (tiêu chuẩn chức danh); required for leaders.
  public var requiredTheoryLevel: PoliticalTheoryLevel?
  /// Reform documents studied, oldest first.
  public var studies: [ReformStudyRecord]
  /// Date the person joined the bloc's organisations; `nil` if unknown.
  public var arrived: CivilDate?
  /// Date the person left the bloc; `nil` while present.
  public var departed: CivilDate?
  /// Free text.
  public var note: String

  /// Makes a person.
  public init(
    id: String, fullName: String, gender: PersonGender? = nil, birthDate: CivilDate? = nil, ethnicity: String = "",
    categories: Set<PersonCategory> = [], partyMembership: PartyMembership? = nil, unitCode: String,
    workplace: String = "", position: String = "", leaderOrManager: Bool = false,
    theoryLevel: PoliticalTheoryLevel? = nil, requiredTheoryLevel: PoliticalTheoryLevel? = nil,
    studies: [ReformStudyRecord] = [], arrived: CivilDate? = nil, departed: CivilDate? = nil, note: String = ""
  ) {
    self.id = id
    self.fullName = fullName
    self.gender = gender
    self.birthDate = birthDate
    self.ethnicity = ethnicity
    self.categories = categories
    self.partyMembership = partyMembership
    self.unitCode = unitCode
    self.workplace = workplace
    self.position = position
    self.leaderOrManager = leaderOrManager
    self.theoryLevel = theoryLevel
    self.requiredTheoryLevel = requiredTheoryLevel
    self.studies = studies
    self.arrived = arrived
    self.departed = departed
    self.note = note
  }

  /// Whether the person is present on `date`: arrived by then (or arrival unknown) and not yet
  /// departed. Computed indicators count the people present on a period's last day.
  public func isPresent(on date: CivilDate) -> Bool {
    (arrived.map { $0 <= date } ?? true) && (departed.map { date < $0 } ?? true)
  }

  /// Whether the person is a Party member on `date`.
  public func isPartyMember(on date: CivilDate) -> Bool {
    partyMembership?.isMember(on: date) ?? false
  }

  /// Whether the person has studied `document` on or before `date`.
  public func hasStudied(_ document: String, by date: CivilDate) -> Bool {
    studies.contains { $0.document == document && $0.studied <= date }
  }

  /// Whether the person's theory level meets their title's requirement; `false` when either is
  /// unrecorded, since a standard cannot be shown to be met without both.
  public var meetsTheoryRequirement: Bool {
    guard let theoryLevel, let requiredTheoryLevel else { return false }
    return theoryLevel.meets(requiredTheoryLevel)
  }
}
