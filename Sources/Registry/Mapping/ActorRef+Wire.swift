import RegistryDomain
import ReformWire

extension ActorRef {
  /// The principal the coordinator authenticated, as the domain records it.
  init(principal: Principal) {
    self.init(
      id: principal.id, displayName: principal.displayName,
      unitCode: principal.unitCode.isEmpty ? nil : principal.unitCode,
      roles: Set(principal.roles.compactMap { try? $0.domain(field: "roles") }))
  }

  /// The principal on the wire.
  var wire: Principal {
    Principal(id: id, displayName: displayName, unitCode: unitCode ?? "", roles: roles.sorted { $0.rawValue < $1.rawValue }.map(Role.init))
  }
}
