/// What is rated. A person can be rated once per kind per year, e.g. as a Party member under
/// Quy định 366-QĐ/TW and as a civil servant under Nghị định 335/2025/NĐ-CP.
public enum RatingSubjectKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Đảng viên: a Party member; the subject id is the person id.
  case partyMember
  /// Công chức (and cán bộ): a civil servant; the subject id is the person id.
  case civilServant
  /// Viên chức: a public employee; the subject id is the person id.
  case publicEmployee
  /// Tập thể: a Party organisation and its leadership; the subject id is the unit code.
  case collective

  /// Whether the subject is a person rather than a collective.
  public var isPerson: Bool { self != .collective }

  /// The Vietnamese name, e.g. "Đảng viên".
  public var vietnameseName: String {
    switch self {
    case .partyMember: "Đảng viên"
    case .civilServant: "Công chức"
    case .publicEmployee: "Viên chức"
    case .collective: "Tập thể"
    }
  }

  /// The proto's spelling without its prefix, e.g. `PARTY_MEMBER`, as exported in CSV.
  public var code: String {
    switch self {
    case .partyMember: "PARTY_MEMBER"
    case .civilServant: "CIVIL_SERVANT"
    case .publicEmployee: "PUBLIC_EMPLOYEE"
    case .collective: "COLLECTIVE"
    }
  }
}

extension RatingSubjectKind {
  /// Position in the proto's enum, for ordering results.
  var order: Int {
    switch self {
    case .partyMember: 1
    case .civilServant: 2
    case .publicEmployee: 3
    case .collective: 4
    }
  }
}

extension RatingSubjectKind {
  /// Reads the name, e.g. `"partyMember"`.
  public init(from decoder: any Decoder) throws {
    self = try CaseDecoding.decode(Self.self, from: decoder, what: "a subject kind")
  }
}
