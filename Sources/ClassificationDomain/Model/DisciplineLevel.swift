/// A disciplinary measure (hình thức kỷ luật), ordered by ``severity``; "at or above" in a
/// rule compares severities.
///
/// ``admonition`` sits below every disciplinary form: a recorded criticism (phê bình, nhắc nhở)
/// for a violation that did not warrant discipline. It is kept so that a rule such as
/// Nghị định 335/2025/NĐ-CP's "khiển trách or above" can be seen not to trigger on it.
public enum DisciplineLevel: String, Sendable, Hashable, Codable, CaseIterable {
  /// Phê bình, nhắc nhở: criticism recorded without a disciplinary form.
  case admonition
  /// Khiển trách: reprimand.
  case reprimand
  /// Cảnh cáo: warning.
  case warning
  /// Hạ bậc lương: salary downgrade (civil servants).
  case salaryDowngrade
  /// Giáng chức: demotion (civil servants).
  case demotion
  /// Cách chức: removal from post.
  case removal
  /// Bãi nhiệm: dismissal of an elected cadre.
  case deposition
  /// Buộc thôi việc: dismissal from service.
  case dismissal
  /// Khai trừ: expulsion from the Party.
  case expulsion
  /// Giải tán: dissolution of a Party organisation.
  case dissolution

  /// 0 for ``admonition``, then 1 (``reprimand``) to 9 (``dissolution``) as in the proto.
  public var severity: Int {
    switch self {
    case .admonition: 0
    case .reprimand: 1
    case .warning: 2
    case .salaryDowngrade: 3
    case .demotion: 4
    case .removal: 5
    case .deposition: 6
    case .dismissal: 7
    case .expulsion: 8
    case .dissolution: 9
    }
  }

  /// Whether this measure is `minimum` or more severe.
  public func isAtLeast(_ minimum: DisciplineLevel) -> Bool { severity >= minimum.severity }

  /// The Vietnamese name, e.g. "khiển trách".
  public var vietnameseName: String {
    switch self {
    case .admonition: "phê bình, nhắc nhở"
    case .reprimand: "khiển trách"
    case .warning: "cảnh cáo"
    case .salaryDowngrade: "hạ bậc lương"
    case .demotion: "giáng chức"
    case .removal: "cách chức"
    case .deposition: "bãi nhiệm"
    case .dismissal: "buộc thôi việc"
    case .expulsion: "khai trừ"
    case .dissolution: "giải tán"
    }
  }
}

extension DisciplineLevel {
  /// Reads the name, e.g. `"reprimand"`.
  public init(from decoder: any Decoder) throws {
    self = try CaseDecoding.decode(Self.self, from: decoder, what: "a discipline level")
  }
}
