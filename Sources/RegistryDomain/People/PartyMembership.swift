import ReformKit

/// A person's Party membership (đảng viên), as `PartyMembership` in `person.proto`. A person
/// who left keeps the record with ``left`` set.
public struct PartyMembership: Sendable, Hashable, Codable {
  /// Official or probationary.
  public var status: PartyMemberStatus
  /// Ngày vào Đảng: date of admission.
  public var admitted: CivilDate
  /// Ngày chính thức: when the membership became official; `nil` while probationary.
  public var official: CivilDate?
  /// Số thẻ đảng viên; empty for a probationary member without a card.
  public var cardNumber: String
  /// When the person stopped being a member of a Party unit of the bloc; `nil` while a member.
  public var left: CivilDate?
  /// Why the membership ended, e.g. "chuyển sinh hoạt đảng".
  public var leftReason: String

  /// Makes a membership record.
  public init(
    status: PartyMemberStatus, admitted: CivilDate, official: CivilDate? = nil, cardNumber: String = "",
    left: CivilDate? = nil, leftReason: String = ""
  ) {
    self.status = status
    self.admitted = admitted
    self.official = official
    self.cardNumber = cardNumber
    self.left = left
    self.leftReason = leftReason
  }

  /// Whether the person is a member on `date`: admitted by then and not yet left.
  public func isMember(on date: CivilDate) -> Bool {
    admitted <= date && (left.map { date < $0 } ?? true)
  }
}
