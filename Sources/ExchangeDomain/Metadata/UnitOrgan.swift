/// A registry unit as the exchange addresses it: its unit code, its OrganId (mã định danh) and
/// its name.
public struct UnitOrgan: Sendable, Hashable {
  /// The registry's code of the unit, as `Principal.unit_code` carries it.
  public var unitCode: String
  /// Mã định danh, e.g. `000.00.31.H41`.
  public var organId: String
  /// Tên cơ quan, tổ chức, e.g. "Sở Nội vụ tỉnh Lai Châu".
  public var name: String

  /// The unit `unitCode`, addressed as `organId` under `name`.
  public init(unitCode: String, organId: String, name: String) {
    self.unitCode = unitCode
    self.organId = organId
    self.name = name
  }
}
