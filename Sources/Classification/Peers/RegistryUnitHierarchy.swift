import GRPCCore
import ReformModule
import ReformWire
import Synchronization

/// The registry's unit tree, read through the coordinator (`Registry.ListUnits`, closed units
/// included, so that a past year's units still place their ratings) and kept for
/// ``freshFor`` so that a burst of calls reads it once.
public final class RegistryUnitHierarchy: ClassificationUnitHierarchy {
  private let calls: any ModuleCalls
  /// How long a tree read from the registry is used before it is read again.
  public let freshFor: Duration
  private let cached = Mutex<(units: ClassificationUnits, readAt: ContinuousClock.Instant)?>(nil)

  /// The tree of the registry reached through `calls`, read again after `freshFor`.
  public init(calls: any ModuleCalls, freshFor: Duration = .seconds(60)) {
    self.calls = calls
    self.freshFor = freshFor
  }

  /// The registry's tree, from the cache while it is fresh.
  public func units() async throws -> ClassificationUnits {
    let now = ContinuousClock.now
    if let hit = cached.withLock({ $0 }), now - hit.readAt < freshFor { return hit.units }
    let units = try await read()
    cached.withLock { $0 = (units, now) }
    return units
  }

  /// Every unit, page by page; a registry that keeps answering with more pages than units
  /// could fill is stopped rather than followed for ever.
  private func read() async throws -> ClassificationUnits {
    var parents: [String: String] = [:]
    var names: [String: String] = [:]
    var token = ""
    for _ in 0..<10_000 {
      let request = ListUnitsRequest(page: PageRequest(pageSize: 1_000, pageToken: token), includeClosed: true)
      let response = try await calls.call(RegistryService.ListUnits.self, request, timeout: .seconds(30))
      for unit in response.units {
        if !unit.parentCode.isEmpty { parents[unit.code] = unit.parentCode }
        names[unit.code] = unit.shortName.isEmpty ? unit.name : unit.shortName
      }
      token = response.page?.nextPageToken ?? ""
      if token.isEmpty { return ClassificationUnits(parents: parents, names: names) }
    }
    throw RPCError(code: .unavailable, message: "the registry's unit list did not end after 10000 pages")
  }
}
