import ReformWire

/// The principals module tests act as, the way the coordinator would authenticate them.
///
/// ``JobContext/test(as:method:module:)`` makes a job's context for one of them.
public enum TestCaller {
  /// An administrator of the whole bloc.
  public static let admin = Principal(id: "admin", displayName: "Quản trị", roles: [.admin])

  /// The modules' own principal (`DATA/service.token`): a bloc-wide viewer with the service role.
  public static let service = Principal(
    id: "reform-modules", displayName: "Reform modules (service)", roles: [.viewer, .service])

  /// A clerk of `unit`, whom the coordinator admits for their own unit only.
  public static func clerk(of unit: String) -> Principal {
    Principal(id: "clerk-\(unit)", displayName: "Văn thư \(unit)", unitCode: unit, roles: [.clerk])
  }

  /// An inspector of the commission `unit`, who may act for any unit.
  public static func inspector(_ id: String = "inspector", unit: String = "") -> Principal {
    Principal(id: id, displayName: "Kiểm tra", unitCode: unit, roles: [.inspector])
  }

  /// A viewer of the whole bloc.
  public static func viewer(_ id: String = "viewer", unit: String = "") -> Principal {
    Principal(id: id, displayName: "Người xem", unitCode: unit, roles: [.viewer])
  }
}
