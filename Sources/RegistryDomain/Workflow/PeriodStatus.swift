/// Where a unit's period stands in the reporting workflow, as `IndicatorPeriodStatus` in
/// `indicator.proto`:
///
/// ```
/// DRAFT ──submit──▶ SUBMITTED ──approve──▶ APPROVED (locked)
///   ▲                   │                      │
///   └──── REOPENED ◀────┴──────reopen──────────┘   (REOPENED ──submit──▶ SUBMITTED)
/// ```
///
/// A period with no state yet is open for entry: ``draft``.
public enum PeriodStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// Nháp: the unit is still entering values.
  case draft = "DRAFT"
  /// Đã gửi: the unit's clerk submitted; values are frozen until approved or reopened.
  case submitted = "SUBMITTED"
  /// Đã duyệt: the bloc approved; values are locked.
  case approved = "APPROVED"
  /// Mở lại: reopened by the bloc, with a reason; values may change, then go in again.
  case reopened = "REOPENED"

  /// Whether values may be entered or changed.
  public var acceptsValues: Bool { self == .draft || self == .reopened }

  /// The Vietnamese name, e.g. "Đã duyệt".
  public var vietnameseName: String {
    switch self {
    case .draft: return "Nháp"
    case .submitted: return "Đã gửi"
    case .approved: return "Đã duyệt"
    case .reopened: return "Mở lại"
    }
  }
}
