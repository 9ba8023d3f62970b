import ReformKit

/// One unit of the bloc's tree (tổ chức đảng) with the organisation it sits in, as `OrgUnit`
/// in `unit.proto`.
///
/// A unit is open from ``opened`` on and, once a closing date is recorded, closed from
/// ``closed`` on. Its place in the tree is ``parentCode``; the rules that keep the tree sound
/// are ``UnitTree``'s.
public struct OrgUnit: Sendable, Hashable, Codable {
  /// Stable identifier chosen by the bloc, e.g. "DBCS-SNV"; never given to another unit, even
  /// after this one closes. See ``CodeSyntax``.
  public var code: String
  /// Full Vietnamese name, e.g. "Đảng bộ Sở Nội vụ" (NFC).
  public var name: String
  /// Short name for tables and charts, e.g. "Sở Nội vụ"; empty means ``name``.
  public var shortName: String
  /// The kind of Party organisation.
  public var kind: UnitKind
  /// The parent's code; `nil` only for the bloc committee.
  public var parentCode: String?
  /// Exchange identifier of the host organisation (mã định danh, e.g. "000.00.00.H41"); empty
  /// when the host takes no part in the document exchange.
  public var organId: String
  /// Name of the host organisation, e.g. "Sở Nội vụ tỉnh Lai Châu".
  public var hostName: String
  /// Kind of the host organisation, when recorded.
  public var hostKind: HostOrganisationKind?
  /// Date the unit was founded or entered the bloc (ngày thành lập).
  public var opened: CivilDate
  /// Date the unit closed (giải thể, sáp nhập): open on the day before, closed from this day.
  public var closed: CivilDate?
  /// After a merger, the unit that took this one over; empty otherwise.
  public var successorCode: String

  /// Makes a unit.
  public init(
    code: String, name: String, shortName: String = "", kind: UnitKind, parentCode: String?,
    organId: String = "", hostName: String = "", hostKind: HostOrganisationKind? = nil,
    opened: CivilDate, closed: CivilDate? = nil, successorCode: String = ""
  ) {
    self.code = code
    self.name = name
    self.shortName = shortName
    self.kind = kind
    self.parentCode = parentCode
    self.organId = organId
    self.hostName = hostName
    self.hostKind = hostKind
    self.opened = opened
    self.closed = closed
    self.successorCode = successorCode
  }

  /// ``shortName``, or ``name`` when there is none: what tables and charts show.
  public var displayName: String { shortName.isEmpty ? name : shortName }

  /// Whether the unit is open on `date`: opened on or before it and not closed by then.
  public func isOpen(on date: CivilDate) -> Bool {
    opened <= date && (closed.map { date < $0 } ?? true)
  }

  /// Whether a closing date is recorded. Such a unit takes no new people and no new children,
  /// even before the date comes.
  public var isClosed: Bool { closed != nil }
}
