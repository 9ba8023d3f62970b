/// A subordinate Party organisation (tổ chức đảng trực thuộc) disciplined in the year, as a
/// collective's rules read it.
public struct DisciplinedSubordinate: Sendable, Hashable, Codable {
  /// The subordinate unit's code.
  public var unitCode: String
  /// The collective found and dealt with the violation itself (tự phát hiện, xử lý); a rule
  /// with `spareSelfDetected` does not count it.
  public var selfDetected: Bool

  /// `unitCode`, disciplined on the collective's own finding when `selfDetected`.
  public init(unitCode: String, selfDetected: Bool = false) {
    self.unitCode = unitCode
    self.selfDetected = selfDetected
  }
}
