import ReformWire

extension ReformClient {
  /// Calls a listing method once per page, from the first, until a page says it is the last,
  /// and returns the items of every page in order, with the last page's paging fields.
  ///
  /// ```swift
  /// let sent = try await client.everyPage(ExchangeService.ListSent.self, items: \.items, page: \.page) { token in
  ///   ExchangeListSentRequest(page: PageRequest(pageToken: token), unitCode: "SNV")
  /// }.items
  /// ```
  ///
  /// - Parameters:
  ///   - method: The generated listing method, e.g. `AdminService.ListWorkers.self`.
  ///   - items: Where a page's items are in the response.
  ///   - page: Where a page's paging fields are in the response.
  ///   - timeout: The deadline of each page's call; `nil` for none.
  ///   - request: The request for the page of a token; `""` for the first page.
  /// - Throws: ``ReformError``, from the first call that fails.
  public func everyPage<M: WireMethod, Item>(
    _ method: M.Type,
    items: KeyPath<M.Output, [Item]>,
    page: KeyPath<M.Output, PageResponse?>,
    timeout: Duration? = nil,
    request: (String) -> M.Input
  ) async throws(ReformError) -> (items: [Item], page: PageResponse?) {
    var all: [Item] = []
    var last: PageResponse?
    var token = ""
    var seen: Set<String> = []
    repeat {
      let answer = try await call(method, request(token), timeout: timeout)
      all += answer[keyPath: items]
      last = answer[keyPath: page]
      token = last?.nextPageToken ?? ""
      // A server that hands back a token twice would otherwise keep us here for ever.
    } while !token.isEmpty && seen.insert(token).inserted
    return (all, last)
  }
}
