import ReformClient
import ReformWire

/// The names a document prints for its organs (tên cơ quan), read from the registry so that a
/// clerk can write `--to 000.00.31.H41` rather than the organ's full name.
///
/// Several units of an agency share its OrganId; the name is the host organisation's of the
/// unit nearest the root, the one the exchange delivers to.
enum OrganNames {
  /// The registry's name for `organId`; nil when no open unit has it or the registry cannot be
  /// asked (not deployed, not reachable).
  static func name(of organId: String, client: ReformClient, timeout: Duration) async -> String? {
    let request = ListUnitsRequest(page: PageRequest(pageSize: 100), organId: organId)
    guard let units = try? await client.call(RegistryService.ListUnits.self, request, timeout: timeout).units else {
      return nil
    }
    return units.filter { $0.organId == organId }.min { $0.depth < $1.depth }.map(organName)
  }

  /// The registry's name for the organisation unit `code` sits in; nil as for ``name(of:client:timeout:)``.
  static func name(ofUnit code: String, client: ReformClient, timeout: Duration) async -> String? {
    let request = GetUnitRequest(code: code)
    guard let unit = try? await client.call(RegistryService.GetUnit.self, request, timeout: timeout).unit else {
      return nil
    }
    return organName(unit)
  }

  /// The host organisation's name (e.g. "Sở Nội vụ tỉnh Lai Châu"), else the unit's own.
  private static func organName(_ unit: OrgUnit) -> String {
    unit.hostName.isEmpty ? unit.name : unit.hostName
  }
}
