import ExchangeDomain
import GRPCCore
import ReformWire

extension ExchangeStamp {
  init(_ stamp: StoredStamp) {
    self.init(
      principalId: stamp.principalId, displayName: stamp.displayName, unitCode: stamp.unitCode,
      time: Timestamp(microseconds: stamp.microseconds))
  }
}
