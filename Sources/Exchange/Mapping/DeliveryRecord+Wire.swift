import ExchangeDomain
import GRPCCore
import ReformWire

extension DeliveryRecord {
  /// The receiving organ.
  var receiverOrgan: ExchangeOrgan {
    ExchangeOrgan(organId: receiverOrganId, name: receiverName, unitCode: receiverUnit)
  }
}
