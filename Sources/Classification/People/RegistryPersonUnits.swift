import GRPCCore
import ReformModule
import ReformWire

/// The registry's answer to "which unit is this person counted under", read through the
/// coordinator with `Registry.GetPerson`, one call per person: only a clerk's submission asks,
/// and a clerk submits their own unit's people.
public struct RegistryPersonUnits: ClassificationPersonUnits {
  private let calls: any ModuleCalls

  /// The registry reached through `calls`.
  public init(calls: any ModuleCalls) {
    self.calls = calls
  }

  /// Each known person's `unit_code`. A person the registry does not have (`NOT_FOUND`) is
  /// left out; any other refusal is `UNAVAILABLE`, since without the person's unit the write
  /// cannot be checked and so must not happen.
  public func units(of personIds: [String]) async throws -> [String: String] {
    var units: [String: String] = [:]
    for id in Set(personIds) {
      do {
        let response = try await calls.call(RegistryService.GetPerson.self, GetPersonRequest(id: id), timeout: .seconds(30))
        if let person = response.person { units[id] = person.unitCode }
      } catch let error as RPCError where error.code == .notFound {
        continue
      } catch let error as RPCError {
        throw RPCError(
          code: .unavailable, message: "the registry did not say which unit person \(id) is counted under: \(error.message)")
      }
    }
    return units
  }
}
