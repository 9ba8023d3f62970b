import GRPCCore
import ReformWire

/// The paging part of a list request: `page_size` (default 100, at most 1000) and the token.
struct Paging: Sendable {
  static let defaultSize = 100
  static let maxSize = 1000

  var size: Int
  var token: String

  /// The paging `page` asks for; a negative size is INVALID_ARGUMENT, one above the maximum is
  /// taken as the maximum.
  init(_ page: PageRequest?) throws(RPCError) {
    let requested = page?.pageSize ?? 0
    guard requested >= 0 else {
      throw ExchangeFault.invalid("page.page_size", "must not be negative (0 for the default of \(Self.defaultSize)); got \(requested)")
    }
    size = requested == 0 ? Self.defaultSize : min(Int(requested), Self.maxSize)
    token = page?.pageToken ?? ""
  }
}
