/// Items a stream handler collected, safe to append to from the handler.
actor Collected<Item: Sendable> {
  private(set) var items: [Item] = []

  func append(_ item: Item) {
    items.append(item)
  }
}
