import Foundation

/// A status notice (thông điệp trạng thái, edXML `Status`) about one receiver's copy: what was
/// done, by whom, when, why, and by which officer.
public struct StatusNotice: Sendable, Hashable {
  /// The code.
  public var code: NoticeCode
  /// The party that gave it.
  public var actor: NoticeActor
  /// OrganId of the organ that gave it: the receiver, or the sender for 13.
  public var organId: String
  /// When it was given (UTC).
  public var time: Date
  /// edXML `Description`: the reason for 02, 13 and 16, the assignee for 04, free text otherwise.
  public var detail: String
  /// The officer who handled it, when named.
  public var staff: Staff?

  /// A notice.
  public init(
    code: NoticeCode, actor: NoticeActor, organId: String, time: Date, detail: String = "", staff: Staff? = nil
  ) {
    self.code = code
    self.actor = actor
    self.organId = organId
    self.time = time
    self.detail = detail
    self.staff = staff
  }
}
