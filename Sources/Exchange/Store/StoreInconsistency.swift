/// The store found itself in a state its own writes cannot produce.
struct StoreInconsistency: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
