import GRPCCore
import ReformKit
import ReformModule
import ReformWire

/// A list call's page, read from the request's PageRequest by ReformKit's `PageCursor` (the
/// one paging rule: 100 by default, at most 1000, a token opaque to callers that holds the list
/// it belongs to and the key of the last item returned, so that a page never repeats or skips
/// an item when others are added meanwhile).
struct Paging: Sendable {
  private let cursor: PageCursor

  /// The page `request` asks for in the classification list named `list`.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming `page.page_size` (negative) or `page.page_token`
  ///   (not a token of this list).
  init(_ request: PageRequest?, list: String) throws(RPCError) {
    do {
      cursor = try PageCursor(
        size: request?.pageSize ?? 0, token: request?.pageToken ?? "", list: "classification.\(list)")
    } catch {
      throw FieldError(error).rpcError
    }
  }

  /// Items on this page.
  var size: Int { cursor.size }
  /// The key after which the page starts; `nil` for the first page.
  var after: [String]? { cursor.after }

  /// The integer at `index` of the page key, if the token holds one there.
  func int(_ index: Int) -> Int64? {
    guard let after, after.indices.contains(index) else { return nil }
    return Int64(after[index])
  }

  /// The text at `index` of the page key, if the token holds one there.
  func text(_ index: Int) -> String? {
    guard let after, after.indices.contains(index) else { return nil }
    return after[index]
  }

  /// The response's paging: the token for the page after one that ended at `lastKey`, when
  /// the page was full.
  func response(itemsReturned: Int, lastKey: [String]?, total: Int) -> PageResponse {
    guard itemsReturned == size, let lastKey else { return PageResponse(nextPageToken: "", totalCount: Int64(total)) }
    return PageResponse(nextPageToken: cursor.nextToken(after: lastKey), totalCount: Int64(total))
  }
}
