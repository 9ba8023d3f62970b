import ExchangeDomain
import Foundation
import ReformModule
import ReformWire
import Synchronization

/// The unit directory as the registry keeps it: every open unit with an OrganId, read through
/// the coordinator (``ModuleCalls``) and kept for a minute, so that a unit the registry adds is
/// known here soon after without a call per document.
///
/// Several units can sit in one agency and share its OrganId (a grassroots committee and the
/// cells under it); a document addressed to that OrganId goes to the unit nearest the root.
public final class RegistryUnitDirectory: UnitDirectory {
  /// How long a read of the registry is trusted.
  public static let freshness: TimeInterval = 60

  private let calls: any ModuleCalls
  private let cache = Mutex<(units: [UnitOrgan], readAt: Date)?>(nil)

  public init(calls: any ModuleCalls) {
    self.calls = calls
  }

  public func organ(forUnit unitCode: String) async throws -> UnitOrgan? {
    if let found = try await units(refresh: false).first(where: { $0.unitCode == unitCode }) { return found }
    return try await units(refresh: true).first { $0.unitCode == unitCode }
  }

  public func unit(forOrgan organId: String) async throws -> UnitOrgan? {
    if let found = try await units(refresh: false).first(where: { $0.organId == organId }) { return found }
    return try await units(refresh: true).first { $0.organId == organId }
  }

  public func allUnits() async throws -> [UnitOrgan] {
    try await units(refresh: false)
  }

  /// The registry's units with an OrganId, in tree order (so the first of an agency is the one
  /// nearest the root); read again when stale, or on a miss when `refresh` and older than 5 s.
  private func units(refresh: Bool) async throws -> [UnitOrgan] {
    let now = Date()
    if let cached = cache.withLock({ $0 }) {
      let age = now.timeIntervalSince(cached.readAt)
      if age < Self.freshness && !(refresh && age > 5) { return cached.units }
    }
    var units: [UnitOrgan] = []
    var token = ""
    repeat {
      let page = try await calls.call(
        RegistryService.ListUnits.self,
        ListUnitsRequest(page: PageRequest(pageSize: 1000, pageToken: token)),
        timeout: .seconds(30))
      units += page.units.filter { !$0.organId.isEmpty }.map {
        UnitOrgan(unitCode: $0.code, organId: $0.organId, name: $0.name)
      }
      token = page.page?.nextPageToken ?? ""
    } while !token.isEmpty
    cache.withLock { $0 = (units, now) }
    return units
  }
}
