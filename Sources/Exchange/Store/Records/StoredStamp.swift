/// Who did something and when, as the tables keep it: the protocol's `ExchangeStamp`.
struct StoredStamp: Sendable, Hashable {
  var principalId: String
  var displayName: String
  var unitCode: String
  /// Microseconds since 1970 UTC.
  var microseconds: Int64
}
