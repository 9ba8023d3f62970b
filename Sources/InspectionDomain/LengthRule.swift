/// One row of the length table: visits of ``kind`` to units with at least ``minMembers``
/// members last ``lengthDays`` working days. For a unit, the row of its kind with the largest
/// ``minMembers`` not above the unit's size applies (size 0 when unknown).
public struct LengthRule: Sendable, Hashable {
  /// The kind of visit.
  public var kind: VisitKind
  /// The smallest unit size the row applies to.
  public var minMembers: Int
  /// The length in working days.
  public var lengthDays: Int

  /// A row of the length table.
  public init(kind: VisitKind, minMembers: Int, lengthDays: Int) {
    self.kind = kind
    self.minMembers = minMembers
    self.lengthDays = lengthDays
  }
}
