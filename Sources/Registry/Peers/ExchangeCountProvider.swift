import RegistryDomain

/// Where indicator 3a's counts come from: the exchange module's documents exchanged and
/// processed on the network over all non-secret documents, per unit's host and period.
///
/// The registry does not reach the exchange module itself: whoever hosts the module (the
/// worker, with a client through the coordinator) passes a provider to
/// ``RegistryModule/init(databasePath:exchangeCounts:clock:)``. Without one, indicator 3a is
/// reported as not computed.
public protocol ExchangeCountProvider: Sendable {
  /// For each unit given (each has an OrganId), the documents on the network over all
  /// non-secret documents of its host in `period`, by unit code; a unit without figures is
  /// left out.
  ///
  /// - Throws: when the exchange module cannot be reached; the computation then lists 3a as
  ///   skipped with the reason.
  func networkShares(of units: [RegistryDomain.OrgUnit], in period: RegistryDomain.Period) async throws -> [String: Ratio]
}
