import ExchangeDomain
import GRPCCore
import ReformKit
import ReformModule
import ReformWire

extension DateRange {
  /// The days of the range, checked: both ends required, the first not after the last.
  func civil(field: String) throws(RPCError) -> ClosedRange<CivilDate> {
    guard let first else { throw FieldError.invalid("\(field).first", "required").rpcError }
    guard let last else { throw FieldError.invalid("\(field).last", "required").rpcError }
    let from = try first.civil(field: "\(field).first")
    let to = try last.civil(field: "\(field).last")
    guard from <= to else { throw FieldError.invalid(field, "\(from) is after \(to)").rpcError }
    return from...to
  }
}
