/// Độ khẩn: how urgently a document must be handled (Nghị định 30/2020/NĐ-CP, Phụ lục VI).
///
/// Raw values are the `ExchangeUrgency` values of the protocol and grow with urgency, so the
/// natural order is the inbox's: ``flash`` first when sorted descending. Urgent documents are
/// registered and passed on at once (see ``RegistrationDeadline``).
public enum Urgency: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
  /// Thường: no urgency mark.
  case normal = 1
  /// Khẩn.
  case urgent = 2
  /// Thượng khẩn.
  case veryUrgent = 3
  /// Hỏa tốc.
  case flash = 4

  /// The mark as printed on the document.
  public var vietnameseName: String {
    switch self {
    case .normal: "Thường"
    case .urgent: "Khẩn"
    case .veryUrgent: "Thượng khẩn"
    case .flash: "Hỏa tốc"
    }
  }

  /// Any mark other than normal: such a document is registered at once.
  public var isUrgent: Bool { self != .normal }

  /// Less urgent orders first.
  public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The Vietnamese mark.
  public var description: String { vietnameseName }
}
