/// A position a person held during the year (chức vụ).
public struct RatingPosition: Sendable, Hashable, Codable {
  /// Title, e.g. "Bí thư Chi bộ", "Giám đốc Sở".
  public var title: String
  /// The unit the position belongs to.
  public var unitCode: String
  /// A leadership or management position (lãnh đạo, quản lý).
  public var leaderOrManager: Bool
  /// Head of the body (người đứng đầu).
  public var head: Bool
  /// The collective the person leads in this position, whose rating and tasks bind the
  /// leader's; `nil` when none.
  public var ledUnitCode: String?

  /// A position titled `title` in `unitCode`, leading `ledUnitCode` when given.
  public init(
    title: String, unitCode: String, leaderOrManager: Bool = true, head: Bool = false,
    ledUnitCode: String? = nil
  ) {
    self.title = title
    self.unitCode = unitCode
    self.leaderOrManager = leaderOrManager
    self.head = head
    self.ledUnitCode = ledUnitCode
  }
}
