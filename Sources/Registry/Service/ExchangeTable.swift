import RegistryDomain

/// The exchange's counts fetched for one computation, as the domain's ``ExchangeCounts``.
struct ExchangeTable: ExchangeCounts {
  let shares: [String: Ratio]
  /// Why there are no counts, when fetching them failed.
  let failure: String?

  func networkShare(of unit: OrgUnit, in period: Period) -> Ratio? { shares[unit.code] }
}
