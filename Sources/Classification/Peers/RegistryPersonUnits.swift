import GRPCCore
import ReformModule
import ReformWire

/// The registry's answer to "which unit is this person counted under", read through the
/// coordinator: the people of the caller's subtree page by page (`Registry.ListPeople`,
/// departed people included), then `Registry.GetPerson` for each person not found there — a
/// few at once — to tell a person of another unit from one the registry does not have. Where
/// the modules' principal may not list people, every person is asked for by GetPerson.
///
/// One GetPerson per person would cost a round trip and an audit entry each; a clerk submits
/// their own unit's people, so the subtree's pages answer almost every one of them.
public struct RegistryPersonUnits: ClassificationPersonUnits {
  /// GetPerson calls in flight at once: enough to hide the round trip, few enough to leave the
  /// registry's workers to everyone else.
  static let inFlight = 8
  /// People per ListPeople page: the registry's largest.
  static let pageSize: Int32 = 1_000
  /// Pages read of one subtree before giving up on a registry that never ends its list.
  static let maxPages = 10_000

  private let calls: any ModuleCalls

  /// The registry reached through `calls`.
  public init(calls: any ModuleCalls) {
    self.calls = calls
  }

  /// Each known person's `unit_code`. A person the registry does not have (`NOT_FOUND`) is
  /// left out; any other refusal is `UNAVAILABLE`, since without the person's unit the write
  /// cannot be checked and so must not happen.
  public func units(of personIds: [String], expectedUnder scope: String) async throws -> [String: String] {
    var wanted = Set(personIds)
    var units: [String: String] = [:]
    var token = ""
    for _ in 0..<Self.maxPages where !wanted.isEmpty {
      let request = ListPeopleRequest(
        page: PageRequest(pageSize: Self.pageSize, pageToken: token), subtreeCode: scope, includeDeparted: true)
      guard let response = try await page(request) else { break }
      for person in response.people where wanted.remove(person.id) != nil { units[person.id] = person.unitCode }
      token = response.page?.nextPageToken ?? ""
      if token.isEmpty { break }
    }
    var pending = wanted.makeIterator()
    return try await withThrowingTaskGroup(of: (id: String, unit: String?).self) { group in
      for _ in 0..<Self.inFlight {
        guard let id = pending.next() else { break }
        group.addTask { (id, try await unit(of: id)) }
      }
      while let answer = try await group.next() {
        if let unit = answer.unit { units[answer.id] = unit }
        if let id = pending.next() { group.addTask { (id, try await unit(of: id)) } }
      }
      return units
    }
  }

  /// One page of the subtree's people; nil when the modules' principal may not list people,
  /// and then every person is asked for by GetPerson.
  private func page(_ request: ListPeopleRequest) async throws -> ListPeopleResponse? {
    try await ask(
      "ListPeople of \(request.subtreeCode)'s subtree", unchecked: "the people's units", nilWhen: .permissionDenied
    ) { try await calls.call(RegistryService.ListPeople.self, request, timeout: .seconds(30)) }
  }

  /// One person's unit, nil when the registry does not have them.
  private func unit(of id: String) async throws -> String? {
    try await ask("GetPerson of \(id)", unchecked: "the person's unit", nilWhen: .notFound) {
      try await calls.call(RegistryService.GetPerson.self, GetPersonRequest(id: id), timeout: .seconds(30))
    }?.person?.unitCode
  }

  /// What `call` answers; nil when the registry refuses with `absent`. Any other refusal is
  /// `UNAVAILABLE`: `asked` went unanswered, so `unchecked` cannot be checked.
  private func ask<Answer>(
    _ asked: String, unchecked: String, nilWhen absent: RPCError.Code, _ call: () async throws -> Answer
  ) async throws -> Answer? {
    do {
      return try await call()
    } catch let error as RPCError where error.code == absent {
      return nil
    } catch let error as RPCError {
      throw RPCError(
        code: .unavailable,
        message: "the registry did not answer \(asked), so \(unchecked) cannot be checked: \(error.message)")
    }
  }
}
