/// A staff category of the host organisation, as `PersonCategory` in `person.proto`. Party
/// membership is apart (``PartyMembership``); a person may hold several categories.
public enum PersonCategory: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// Cán bộ: elected or appointed to a term of office (Luật Cán bộ, công chức).
  case cadre = "CADRE"
  /// Công chức: civil servant holding a rank in an agency.
  case civilServant = "CIVIL_SERVANT"
  /// Viên chức: public employee of a public service unit (Luật Viên chức).
  case publicEmployee = "PUBLIC_EMPLOYEE"
  /// Người lao động: worker under a labour contract, including enterprise staff.
  case worker = "WORKER"

  /// The Vietnamese name, e.g. "Công chức".
  public var vietnameseName: String {
    switch self {
    case .cadre: return "Cán bộ"
    case .civilServant: return "Công chức"
    case .publicEmployee: return "Viên chức"
    case .worker: return "Người lao động"
    }
  }

  /// Declaration order, the order CSV files list categories in.
  public static func < (lhs: PersonCategory, rhs: PersonCategory) -> Bool {
    lhs.ordinal < rhs.ordinal
  }

  private var ordinal: Int {
    switch self {
    case .cadre: return 0
    case .civilServant: return 1
    case .publicEmployee: return 2
    case .worker: return 3
    }
  }
}
