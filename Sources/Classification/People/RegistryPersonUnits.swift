import GRPCCore
import ReformModule
import ReformWire

/// The registry's answer to "which unit is this person counted under", read through the
/// coordinator with `Registry.GetPerson`, one call per person with a few in flight at once:
/// only a clerk's submission asks, and a clerk submits their own unit's people.
public struct RegistryPersonUnits: ClassificationPersonUnits {
  /// GetPerson calls in flight at once: enough to hide the round trip, few enough to leave the
  /// registry's workers to everyone else.
  static let inFlight = 8

  private let calls: any ModuleCalls

  /// The registry reached through `calls`.
  public init(calls: any ModuleCalls) {
    self.calls = calls
  }

  /// Each known person's `unit_code`. A person the registry does not have (`NOT_FOUND`) is
  /// left out; any other refusal is `UNAVAILABLE`, since without the person's unit the write
  /// cannot be checked and so must not happen.
  public func units(of personIds: [String]) async throws -> [String: String] {
    var pending = Set(personIds).makeIterator()
    return try await withThrowingTaskGroup(of: (id: String, unit: String?).self) { group in
      for _ in 0..<Self.inFlight {
        guard let id = pending.next() else { break }
        group.addTask { (id, try await unit(of: id)) }
      }
      var units: [String: String] = [:]
      while let answer = try await group.next() {
        if let unit = answer.unit { units[answer.id] = unit }
        if let id = pending.next() { group.addTask { (id, try await unit(of: id)) } }
      }
      return units
    }
  }

  /// One person's unit, nil when the registry does not have them.
  private func unit(of id: String) async throws -> String? {
    do {
      return try await calls.call(RegistryService.GetPerson.self, GetPersonRequest(id: id), timeout: .seconds(30)).person?
        .unitCode
    } catch let error as RPCError where error.code == .notFound {
      return nil
    } catch let error as RPCError {
      throw RPCError(
        code: .unavailable, message: "the registry did not say which unit person \(id) is counted under: \(error.message)")
    }
  }
}
