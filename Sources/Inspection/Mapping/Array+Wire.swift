extension Array {
  /// Each entry read by `read` at its path, `field[i]`, in order; the first refusal stops.
  func mapEntries<Value>(field: String, _ read: (Element, String) throws -> Value) rethrows -> [Value] {
    try enumerated().map { i, entry in try read(entry, "\(field)[\(i)]") }
  }
}
