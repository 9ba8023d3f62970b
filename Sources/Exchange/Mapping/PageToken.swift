import Foundation
import GRPCCore
import ReformWire

/// The opaque `page_token` of the exchange's lists: the sort key of the last item of the page
/// before, so that a page continues right after it however many items arrived since.
struct PageToken: Sendable, Hashable {
  /// The last item's sort key, column by column.
  var key: [String]

  /// The token as the caller sees it.
  var text: String {
    Data(("v1\n" + key.joined(separator: "\n")).utf8).base64EncodedString()
  }

  init(key: [String]) {
    self.key = key
  }

  /// The token `text`, which must hold a key of `columns` values; INVALID_ARGUMENT naming
  /// `page.page_token` otherwise.
  init(parsing text: String, columns: Int) throws(RPCError) {
    guard text.utf8.count <= 2048, let data = Data(base64Encoded: text),
      let decoded = String(data: data, encoding: .utf8)
    else { throw Self.foreign }
    let parts = decoded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == columns + 1, parts[0] == "v1" else { throw Self.foreign }
    key = Array(parts.dropFirst())
  }

  /// Key column `index` as an integer, or the foreign-token error.
  func integer(_ index: Int) throws(RPCError) -> Int64 {
    guard key.indices.contains(index), let value = Int64(key[index]) else { throw Self.foreign }
    return value
  }

  private static let foreign = ExchangeFault.invalid(
    "page.page_token", "not a token this list returned; pass next_page_token unchanged, or empty for the first page")
}
