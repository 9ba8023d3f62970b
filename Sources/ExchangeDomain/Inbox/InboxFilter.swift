import ReformKit

/// Which copies of an inbox to list (the protocol's `ExchangeListInboxRequest` filters); an
/// empty set or nil means no restriction.
public struct InboxFilter: Sendable, Hashable {
  /// Only copies whose processing state is one of these (01–06).
  public var statuses: Set<NoticeCode>
  /// Only documents of these urgencies.
  public var urgencies: Set<Urgency>
  /// Only copies that arrived within these days (Asia/Ho_Chi_Minh).
  public var arrivalDates: ClosedRange<CivilDate>?
  /// Only overdue copies (``InboxEntry/isOverdue(asOf:)``).
  public var overdueOnly: Bool
  /// Also copies voided by a recall (15), which are left out by default.
  public var includeVoided: Bool
  /// Only documents whose subject contains this text, ignoring case and diacritics ("quyet dinh"
  /// finds "Quyết định").
  public var subjectContains: String

  /// A filter; with no arguments it lists every copy that is not void.
  public init(
    statuses: Set<NoticeCode> = [], urgencies: Set<Urgency> = [], arrivalDates: ClosedRange<CivilDate>? = nil,
    overdueOnly: Bool = false, includeVoided: Bool = false, subjectContains: String = ""
  ) {
    self.statuses = statuses
    self.urgencies = urgencies
    self.arrivalDates = arrivalDates
    self.overdueOnly = overdueOnly
    self.includeVoided = includeVoided
    self.subjectContains = subjectContains
  }

  /// Whether `entry` passes every restriction, judging overdue by `today`.
  public func admits(_ entry: InboxEntry, today: CivilDate) -> Bool {
    let state = entry.delivery.state
    if state.isVoid && !includeVoided { return false }
    if !statuses.isEmpty, !(state.status.map(statuses.contains) ?? false) { return false }
    if !urgencies.isEmpty, !urgencies.contains(entry.document.metadata.urgency) { return false }
    if let arrivalDates, !arrivalDates.contains(entry.delivery.arrivalDate) { return false }
    if overdueOnly && !entry.isOverdue(asOf: today) { return false }
    let needle = subjectContains.normalizedText
    if !needle.isEmpty, !entry.document.metadata.subject.searchFolded.contains(needle.searchFolded) {
      return false
    }
    return true
  }
}
