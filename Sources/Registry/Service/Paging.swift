import Crypto
import ReformKit
import ReformModule
import ReformWire

/// One page of a list call, read from the request's PageRequest by ReformKit's `PageCursor`
/// (the one paging rule: `page_size` 100 when 0, at most 1000 served, a negative size refused;
/// an opaque `page_token`). The registry's lists are computed whole from the registry in
/// memory, so the token carries the offset of the page's first item; the list it belongs to
/// is the request's kind with its filters, so a token sent with other filters, to another
/// list, or altered is refused rather than giving a page of something else.
struct Paging {
  private let cursor: PageCursor
  /// Items skipped before the page.
  let offset: Int

  /// Items on this page.
  var size: Int { cursor.size }

  /// The page a request asks for, of the list the rest of the request (its kind and filters,
  /// without `page`) names.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming `page.page_size` (negative) or `page.page_token`
  ///   (not a token of this list).
  init<Query: PagedRequest>(_ request: Query) throws {
    let page = request.page
    var query = request
    query.page = nil
    let filters = SHA256.hash(data: (try? query.wireBytes()) ?? []).prefix(6).map { String($0, radix: 16) }.joined()
    do throws(PageRefusal) {
      cursor = try PageCursor(
        size: page?.pageSize ?? 0, token: page?.pageToken ?? "", list: "registry.\(Query.self).\(filters)")
      let offset = cursor.after == nil ? 0 : try cursor.integer(0)
      guard offset >= 0, let start = Int(exactly: offset) else {
        throw PageRefusal(field: "page.pageToken", "is not a token this service gave; start again without one")
      }
      self.offset = start
    } catch {
      throw FieldError(error)
    }
  }

  /// This page of `items`, and the paging part of the response.
  func slice<Item>(_ items: [Item]) -> ([Item], PageResponse) {
    let start = min(offset, items.count)
    let end = min(start + size, items.count)
    let next = end < items.count ? cursor.nextToken(after: [String(end)]) : ""
    return (Array(items[start..<end]), PageResponse(nextPageToken: next, totalCount: Int64(items.count)))
  }
}

/// A list request, paged by its `page`.
protocol PagedRequest: WireMessage {
  var page: PageRequest? { get set }
}

extension ListUnitsRequest: PagedRequest {}
extension ListUnitHistoryRequest: PagedRequest {}
extension ListPeopleRequest: PagedRequest {}
extension ListValuesRequest: PagedRequest {}
extension ListPeriodStatesRequest: PagedRequest {}
extension ListIndicatorSetsRequest: PagedRequest {}
