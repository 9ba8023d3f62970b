import ClassificationDomain
import Foundation
import InspectionDomain
import ReformClient
import ReformWire

/// What the load works on, found in (and where missing, added to) the running system: units
/// of the demo bloc that exchange documents and report indicator values, a rated population,
/// and an inspection programme.
///
/// The system must hold the demo bloc (`reformd up --demo`). Everything added carries a fixed
/// idempotency key, so preparing twice adds nothing the second time.
struct LoadBloc: Sendable {
  struct Unit: Sendable, Hashable {
    var code: String
    var organId: String
    var name: String
  }

  static let setId = "01-NQ-DUK-2020-2025"
  static let reportingYear: Int32 = 2025
  static let ratingYear: Int32 = 2025

  /// Units whose documents go out, and units that receive them (and are watched).
  var senders: [Unit]
  var receivers: [Unit]
  /// Units reporting 2025 values, with the indicators each reports.
  var reporters: [String: [String]]
  /// Roots of subtrees the rating's dry runs cover.
  var ratingUnits: [String]
  /// Documents the senders had sent and the receivers had received before the load (the
  /// demo's letters): the soak's checks count only what the load sent.
  var earlierDocuments: Set<String> = []
  var programmeId: String
  /// The programme's year and inspectors, whom the load's replans send on leave.
  var programmeYear: Int32
  var inspectors: [String]

  static var reportingPeriod: ReformWire.Period { Period(type: .year, year: reportingYear) }

  /// Reads the bloc and adds what the load needs.
  static func prepare(_ client: ReformClient, log: (String) -> Void) async throws -> LoadBloc {
    let units = try await allUnits(client)
    let agencies = units.filter { !$0.organId.isEmpty && $0.kind != .blocCommittee }
      .sorted { $0.code < $1.code }
      .map { Unit(code: $0.code, organId: $0.organId, name: $0.hostName.isEmpty ? $0.name : $0.hostName) }
    guard agencies.count >= 12 else {
      throw BenchmarkFailure(description: "the system holds \(agencies.count) units with an OrganId; start it with `reformd up --demo`")
    }
    let receivers = Array(agencies.prefix(4))
    let senders = Array(agencies.dropFirst(4).prefix(8))

    let reporters = try await openReporters(client, units: units)
    log("units: \(units.count), senders \(senders.count), receivers \(receivers.count), units reporting 2025: \(reporters.count)")

    let population = ClassificationPopulation.generated(people: 3_000, units: 60, seed: 2025, year: Int(ratingYear))
    for request in ClassificationBenchmark.submissions(population, batch: 1_000, keyPrefix: "load-evaluations") {
      let response = try await client.call(ClassificationService.SubmitEvaluations.self, request, timeout: .seconds(120))
      guard response.applied else {
        throw BenchmarkFailure(description: "evaluations refused: \(response.errors.prefix(3).map(\.message))")
      }
    }
    _ = try await client.call(
      ClassificationService.Run.self,
      ClassificationRunRequest(year: ratingYear, mode: .final, rerunReason: "load: first final run", idempotencyKey: "load-rating-first"),
      timeout: .seconds(120))
    let ratingUnits = population.units.parents.filter { $0.value == ClassificationPopulation.rootUnitCode }.map(\.key).sorted()
    log("rating: \(population.input.persons.count) people in \(ratingUnits.count) grassroots units, a final run stored")

    let input = PlanInput.generated(units: 60, teams: 6, seed: 7, year: 2027)
    let plan = try await client.call(
      InspectionService.Plan.self,
      InspectionPlanRequest(
        idempotencyKey: "load-programme", input: input.wireWithGivenRisks,
        name: "Chương trình kiểm tra năm 2027 (tải thử)", ownerUnitCode: "DUK", timeLimitMs: 2_000),
      timeout: .seconds(120))
    guard let programme = plan.programme else { throw BenchmarkFailure(description: "Inspection.Plan returned no programme") }
    log("inspection: programme \(programme.programmeId) v\(programme.version), \(programme.visits.count) visits")

    var earlier = Set<String>()
    for sender in senders {
      earlier.formUnion(
        try await client.everyPage(ExchangeService.ListSent.self, items: \.items, page: \.page, timeout: .seconds(60)) {
          ExchangeListSentRequest(page: PageRequest(pageSize: 1000, pageToken: $0), unitCode: sender.code)
        }.items.compactMap { $0.document?.documentId })
    }
    for receiver in receivers {
      earlier.formUnion(
        try await client.everyPage(ExchangeService.ListInbox.self, items: \.items, page: \.page, timeout: .seconds(60)) {
          ExchangeListInboxRequest(page: PageRequest(pageSize: 1000, pageToken: $0), unitCode: receiver.code)
        }.items.compactMap { $0.document?.documentId })
    }
    log("exchange: \(earlier.count) documents already sent or received by these units, left out of the checks")

    return LoadBloc(
      senders: senders, receivers: receivers, reporters: reporters, ratingUnits: ratingUnits, earlierDocuments: earlier,
      programmeId: programme.programmeId, programmeYear: Int32(input.year),
      inspectors: input.teams.flatMap { $0.inspectors.map(\.inspectorID) })
  }

  /// Every unit, through every page.
  static func allUnits(_ client: ReformClient) async throws -> [OrgUnit] {
    try await client.everyPage(RegistryService.ListUnits.self, items: \.units, page: \.page, timeout: .seconds(30)) {
      ListUnitsRequest(page: PageRequest(pageSize: 1000, pageToken: $0))
    }.items
  }

  /// Up to 40 units expected to report for 2025, each with the reported indicators of its
  /// kind; those submitted or approved are reopened first.
  private static func openReporters(_ client: ReformClient, units: [OrgUnit]) async throws -> [String: [String]] {
    let set = try await client.call(RegistryService.GetIndicatorSet.self, GetIndicatorSetRequest(id: setId), timeout: .seconds(30))
    let reported = (set.indicatorSet?.indicators ?? []).filter { $0.source == .reported }
    let kinds = Dictionary(units.map { ($0.code, $0.kind) }, uniquingKeysWith: { first, _ in first })
    let states = try await client.everyPage(RegistryService.ListPeriodStates.self, items: \.states, page: \.page, timeout: .seconds(30)) {
      ListPeriodStatesRequest(page: PageRequest(pageSize: 1000, pageToken: $0), setId: setId, period: reportingPeriod)
    }.items

    var reporters: [String: [String]] = [:]
    for state in states.sorted(by: { $0.unitCode < $1.unitCode }) where reporters.count < 40 {
      guard let kind = kinds[state.unitCode] else { continue }
      // No kinds listed means the grassroots committees and cells, as the registry reads it.
      let codes = reported.filter {
        ($0.reportingUnitKinds.isEmpty ? [.grassrootsCommittee, .grassrootsCell] : $0.reportingUnitKinds).contains(kind)
      }.map(\.code)
      guard !codes.isEmpty else { continue }
      if state.status == .submitted || state.status == .approved {
        _ = try await client.call(
          RegistryService.ReopenPeriod.self,
          ReopenPeriodRequest(
            setId: setId, unitCode: state.unitCode, period: reportingPeriod, reason: "Mở lại để chạy tải thử",
            idempotencyKey: "load-reopen-\(state.unitCode)"),
          timeout: .seconds(30))
      }
      reporters[state.unitCode] = codes
    }
    return reporters
  }
}
