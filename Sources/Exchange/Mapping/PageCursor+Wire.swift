import GRPCCore
import ReformKit
import ReformModule
import ReformWire

extension PageCursor {
  /// The page a list request's `page` asks for in the exchange's list `list` (`inbox`, `sent`,
  /// `overdue`), by ReformKit's one paging rule: 100 items by default, at most 1000, a token
  /// that holds the list it was given for and the sort key of the page's last item.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming `page.page_size` (negative) or `page.page_token` (not
  ///   a token of this list).
  init(_ page: PageRequest?, list: String) throws(RPCError) {
    do {
      try self.init(size: page?.pageSize ?? 0, token: page?.pageToken ?? "", list: "exchange.\(list)")
    } catch {
      throw FieldError(error).rpcError
    }
  }

  /// The response's `page`: the token of the next page when `hasMore` (after the item whose
  /// sort key is `lastKey`), and the count over all pages.
  func response(hasMore: Bool, lastKey: [String]?, totalCount: Int) -> PageResponse {
    let next = hasMore ? lastKey.map { nextToken(after: $0) } ?? "" : ""
    return PageResponse(nextPageToken: next, totalCount: Int64(totalCount))
  }

  /// Column `index` of the key the page starts after, as an integer; `INVALID_ARGUMENT` naming
  /// `page.page_token` when the token holds none there.
  func integer(at index: Int) throws(RPCError) -> Int64 {
    do {
      return try integer(index)
    } catch {
      throw FieldError(error).rpcError
    }
  }
}
