/// Who did something and when, as the tables keep it: the protocol's `ExchangeStamp`.
struct StoredStamp: Sendable, Hashable {
  var principalId: String
  var displayName: String
  var unitCode: String
  /// Microseconds since 1970 UTC.
  var microseconds: Int64
}

extension StoredStamp {
  /// The stamp kept in nullable columns; nil while its time is NULL (nothing was done yet).
  init?(principalId: String?, displayName: String?, unitCode: String?, microseconds: Int64?) {
    guard let microseconds else { return nil }
    self.init(
      principalId: principalId ?? "", displayName: displayName ?? "", unitCode: unitCode ?? "",
      microseconds: microseconds)
  }
}
