import ExchangeDomain
import ReformWire

extension ExchangeOrgan {
  /// The organ as the wire names it: OrganId, name and, for a unit of the registry, its code
  /// (empty for an organ outside it).
  init(_ organ: UnitOrgan) {
    self.init(organId: organ.organId, name: organ.name, unitCode: organ.unitCode)
  }
}
