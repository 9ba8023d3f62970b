import ExchangeDomain
import GRPCCore
import ReformKit
import ReformModule
import ReformWire

extension CalendarDate {
  /// The day this names (ReformModule's `CivilDate(wire:field:years:explanation:)`), or
  /// INVALID_ARGUMENT on `field` in the exchange's words when it names none (year 0, 30 February).
  func civil(field: String) throws(RPCError) -> CivilDate {
    do {
      return try CivilDate(wire: self, field: field, explanation: " (year 1–9999, month 1–12, a day of that month)")
    } catch {
      throw error.rpcError
    }
  }
}
