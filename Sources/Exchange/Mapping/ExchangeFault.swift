import GRPCCore
import ReformModule

/// The refusal of a field's value as a status, for the day ranges' mapping, which still calls
/// it; every other refusal is ReformModule's `FieldError`.
enum ExchangeFault {
  static func invalid(_ field: String, _ problem: String) -> RPCError {
    FieldError.invalid(field, problem).rpcError
  }
}
