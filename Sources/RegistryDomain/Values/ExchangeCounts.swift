/// The hook through which the exchange module supplies the counts of indicator 3a: for a
/// unit's host organisation and a period, the documents exchanged and processed on the network
/// over all documents, secret ones excluded (they never travel over the exchange).
///
/// The registry asks through this protocol and does not know how the counts are kept; a test
/// passes a table.
public protocol ExchangeCounts: Sendable {
  /// Documents on the network over all non-secret documents of `unit`'s host in `period`, or
  /// `nil` when the exchange has no figures for it.
  func networkShare(of unit: OrgUnit, in period: Period) -> Ratio?
}

/// The names of the exchange module's computations.
public enum ExchangeComputation {
  /// The computation of indicator 3a: ``ExchangeCounts/networkShare(of:in:)``.
  public static let networkShare = "exchange.network_share"
}
