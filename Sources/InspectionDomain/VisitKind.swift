/// The kinds of inspection and supervision (Quy định 296-QĐ/TW, 30/5/2025).
public enum VisitKind: Sendable, Hashable, CaseIterable {
  /// Kiểm tra khi có dấu hiệu vi phạm: inspection on signs of violation.
  case signsOfViolation
  /// Kiểm tra theo chương trình, chuyên đề: programmed or thematic inspection.
  case programmed
  /// Giám sát thường xuyên: regular supervision.
  case regularSupervision
  /// Giám sát chuyên đề (theo chương trình): thematic supervision.
  case thematicSupervision

  /// The kind's name in Vietnamese, as a programme shows it.
  public var vietnameseName: String {
    switch self {
    case .signsOfViolation: "Kiểm tra khi có dấu hiệu vi phạm"
    case .programmed: "Kiểm tra theo chương trình, chuyên đề"
    case .regularSupervision: "Giám sát thường xuyên"
    case .thematicSupervision: "Giám sát chuyên đề"
    }
  }
}
