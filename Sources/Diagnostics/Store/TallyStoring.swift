/// Durable counters by key, for `Diagnostics.Tally`: what the handlers ask of storage.
protocol TallyStoring: Sendable {
  /// Adds one to `key`'s count and returns the new count, once it is durable.
  func increment(_ key: String) throws -> Int64
  /// `key`'s count; 0 for a key never counted.
  func value(_ key: String) -> Int64
}
