import Classification
import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Synchronization
import Testing

/// A clerk writes only over what their own units own: the unit a request claims is not enough.
/// The test tree puts CB1 and CB2 under DB1, and CB3 under DB2.
@Suite("A clerk's SubmitEvaluations across units")
struct CrossUnitWriteTests {
  /// Every evaluation of the year, as the wire carries them: the bytes compared before and after.
  private static func snapshot(_ bed: TestBed) async throws -> [UInt8] {
    try await bed.call(
      ClassificationService.ListEvaluations.self,
      ClassificationListEvaluationsRequest(page: PageRequest(pageSize: 1_000), year: Sample.year)
    ).wireBytes()
  }

  @Test("an upsert claiming the clerk's unit over another unit's stored evaluation is refused, and nothing of the batch is written")
  func upsertOverAnotherUnitsEvaluationIsRefused() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P7", unit: "CB3", total: 9_000)])
    let before = try await Self.snapshot(bed)
    let error = await status {
      try await bed.call(
        ClassificationService.SubmitEvaluations.self,
        SubmitEvaluationsRequest(persons: [Sample.member("P1", unit: "CB1"), Sample.member("P7", unit: "CB1", total: 5_000)]),
        as: TestBed.clerk("DB1"))
    }
    #expect(error?.code == .permissionDenied)
    #expect(error?.message.hasPrefix("persons[1].person_id: P7 is already evaluated for 2025 in unit CB3") == true)
    #expect(try await Self.snapshot(bed) == before, "CB3's evaluation is byte-identical and P1 was not written")
  }

  @Test("a dry run over another unit's stored evaluation is refused too")
  func dryRunOverAnotherUnitsEvaluationIsRefused() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P7", unit: "CB3")])
    let error = await status {
      try await bed.call(
        ClassificationService.SubmitEvaluations.self,
        SubmitEvaluationsRequest(persons: [Sample.member("P7", unit: "CB1")], dryRun: true), as: TestBed.clerk("DB1"))
    }
    #expect(error?.code == .permissionDenied)
  }

  @Test("a clerk replaces their own units' evaluations, including one moved between their cells")
  func ownUnitsEvaluationIsReplaced() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1", unit: "CB1", total: 9_000)])
    try await bed.submit([Sample.member("P1", unit: "CB2", total: 7_000)], as: TestBed.clerk("DB1"))
    guard case .person(let person)? = try await bed.evaluations().first?.subject else { throw TestFailure("no P1") }
    #expect(person.unitCode == "CB2")
    #expect(person.revision == 2)
  }

  @Test("with the registry, a person counted under another unit is refused whatever unit_code says")
  func personOfAnotherUnitInTheRegistryIsRefused() async throws {
    let bed = try TestBed(people: FixedPersonUnits(["P1": "CB1", "P8": "CB3"]))
    let error = await status {
      try await bed.call(
        ClassificationService.SubmitEvaluations.self,
        SubmitEvaluationsRequest(persons: [Sample.member("P1", unit: "CB1"), Sample.member("P8", unit: "CB1")]),
        as: TestBed.clerk("DB1"))
    }
    #expect(error?.code == .permissionDenied)
    #expect(error?.message.hasPrefix("persons[1].person_id: P8 is counted under unit CB3 in the registry") == true)
    #expect(try await bed.evaluations().isEmpty)
  }

  @Test("with the registry, a person it does not know is NOT_FOUND for a clerk, and an administrator is not asked about")
  func personUnknownToTheRegistry() async throws {
    let people = FixedPersonUnits(["P1": "CB1"])
    let bed = try TestBed(people: people)
    let error = await status {
      try await bed.call(
        ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: [Sample.member("P9", unit: "CB1")]),
        as: TestBed.clerk("DB1"))
    }
    #expect(error?.code == .notFound)
    #expect(error?.message.hasPrefix("persons[0].person_id: P9 is not a person of the registry") == true)
    try await bed.submit([Sample.member("P1", unit: "CB1")], as: TestBed.clerk("DB1"))
    let asked = people.asked
    try await bed.submit([Sample.member("P9", unit: "CB3")])
    #expect(people.asked == asked, "an administrator acts for every unit")
  }

  @Test("the registry's people are read by the caller's subtree, then GetPerson for the rest; one it does not have is left out, any other refusal is UNAVAILABLE")
  func registryPersonUnitsReadsTheSubtreeThenGetPerson() async throws {
    let registry = PeopleRegistry(["P1": "CB1", "P2": "CB2", "P8": "CB3"], subtree: ["DB1": ["CB1", "CB2"]])
    let units = try await RegistryPersonUnits(calls: registry).units(of: ["P1", "P2", "P8", "P9", "P1"], expectedUnder: "DB1")
    #expect(units == ["P1": "CB1", "P2": "CB2", "P8": "CB3"])
    #expect(registry.requests == 3, "one page of DB1's people, then GetPerson of P8 and P9")
    let failing = PeopleRegistry([:], refusal: RPCError(code: .resourceExhausted, message: "no"))
    let error = await status { try await RegistryPersonUnits(calls: failing).units(of: ["P1"], expectedUnder: "DB1") }
    #expect(error?.code == .unavailable)
  }

  @Test("where the modules' principal may not list people, each person is asked for by GetPerson")
  func registryPersonUnitsFallsBackToGetPerson() async throws {
    let registry = PeopleRegistry(["P1": "CB1", "P8": "CB3"], listRefusal: RPCError(code: .permissionDenied, message: "no"))
    let units = try await RegistryPersonUnits(calls: registry).units(of: ["P1", "P8"], expectedUnder: "DB1")
    #expect(units == ["P1": "CB1", "P8": "CB3"])
    #expect(registry.requests == 3)
  }
}

/// People's units given by the test, counting how often it was asked.
final class FixedPersonUnits: ClassificationPersonUnits {
  private let units: [String: String]
  private let count = Mutex(0)

  init(_ units: [String: String]) {
    self.units = units
  }

  var asked: Int { count.withLock { $0 } }

  func units(of personIds: [String], expectedUnder scope: String) async throws -> [String: String] {
    count.withLock { $0 += 1 }
    return units.filter { personIds.contains($0.key) }
  }
}

/// The registry as the coordinator would answer ListPeople (one page) and GetPerson.
final class PeopleRegistry: ModuleCalls {
  private let people: [String: String]
  private let subtree: [String: Set<String>]
  private let refusal: RPCError?
  private let listRefusal: RPCError?
  private let count = Mutex(0)

  init(
    _ people: [String: String], subtree: [String: Set<String>] = [:], refusal: RPCError? = nil, listRefusal: RPCError? = nil
  ) {
    self.people = people
    self.subtree = subtree
    self.refusal = refusal
    self.listRefusal = listRefusal
  }

  var requests: Int { count.withLock { $0 } }

  func call<M: WireMethod>(_ method: M.Type, _ request: M.Input, timeout: Duration?) async throws -> M.Output {
    count.withLock { $0 += 1 }
    if let refusal { throw refusal }
    if let list = request as? ListPeopleRequest {
      if let listRefusal { throw listRefusal }
      let units = subtree[list.subtreeCode] ?? []
      let listed = people.filter { units.contains($0.value) }.map { Person(id: $0.key, unitCode: $0.value) }
      guard let output = ListPeopleResponse(people: listed, page: PageResponse()) as? M.Output else {
        throw RPCError(code: .internalError, message: "wrong output")
      }
      return output
    }
    guard let get = request as? GetPersonRequest else { throw RPCError(code: .unimplemented, message: "\(M.info.path)") }
    guard let unit = people[get.id] else { throw RPCError(code: .notFound, message: "no person \(get.id)") }
    let response = GetPersonResponse(person: Person(id: get.id, unitCode: unit))
    guard let output = response as? M.Output else { throw RPCError(code: .internalError, message: "wrong output") }
    return output
  }
}
