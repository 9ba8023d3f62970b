import ExchangeDomain
import GRPCCore
import ReformWire

extension DocumentRecord {
  /// The sending organ.
  var senderOrgan: ExchangeOrgan {
    ExchangeOrgan(organId: senderOrganId, name: senderName, unitCode: senderUnit)
  }
}
