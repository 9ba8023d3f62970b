/// One page of a list, how many items the whole list has, and whether more follow.
struct ListPage<Item: Sendable>: Sendable {
  var items: [Item]
  var totalCount: Int
  var hasMore: Bool
}
