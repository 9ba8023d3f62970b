import RegistryDomain
import ReformModule
import ReformWire

/// Indicator 3a from the exchange module's own counts, read through the coordinator
/// (`Exchange.CountDocuments`).
///
/// Each unit goes with its OrganId, so the exchange counts without reading its unit directory,
/// which in a deployment is this registry: the registry calls the exchange, never the reverse
/// on the same path (the module-call graph in the README stays acyclic).
///
/// For each unit and period: the numerator is the copies it received over the exchange that
/// reached status 06 (processed on the network), the denominator every copy it received. Secret
/// documents never travel over the exchange, so they are excluded as the resolution asks.
/// Documents that arrived on paper are not known to the exchange; a unit that handles many on
/// paper should report 3a itself, which takes precedence over the computed value when the set
/// marks 3a as reported.
public struct ModuleExchangeCounts: ExchangeCountProvider {
  private let calls: any ModuleCalls

  public init(calls: any ModuleCalls) {
    self.calls = calls
  }

  public func networkShares(
    of units: [RegistryDomain.OrgUnit], in period: RegistryDomain.Period
  ) async throws -> [String: Ratio] {
    let response = try await calls.call(
      ExchangeService.CountDocuments.self,
      ExchangeCountDocumentsRequest(
        period: period.wire, units: units.map { ExchangeOrgan(organId: $0.organId, name: $0.name, unitCode: $0.code) }),
      timeout: .seconds(60))
    var shares: [String: Ratio] = [:]
    for count in response.counts {
      shares[count.unitCode] = Ratio(Int(clamping: count.completed), Int(clamping: count.received))
    }
    return shares
  }
}
