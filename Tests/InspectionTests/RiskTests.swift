import GRPCCore
import Inspection
import InspectionDomain
import ReformModule
import ReformModuleTesting
import ReformWire
import Testing

/// A registry and classification stand-in: fixed readings per unit, none for the others, and
/// `NOT_FOUND` for the units the registry does not have.
struct FixedRiskSource: RiskSource {
  var indicators: [String: Int]
  var ratings: [String: Int]
  var unknown: Set<String> = []

  func indicatorRisk(unitCode: String, period: Period) async throws -> RiskReading? {
    if unknown.contains(unitCode) {
      throw RPCError(code: .notFound, message: "/reform.v1.Registry/Report: unit_code: unit \"\(unitCode)\" does not exist")
    }
    return indicators[unitCode].map { RiskReading(valueBP: $0, name: "Chỉ tiêu 3a", detail: "kỳ \(period.year)") }
  }

  func ratingRisk(unitCode: String, year: Int) async throws -> RiskReading? {
    ratings[unitCode].map { RiskReading(valueBP: $0, detail: "xếp loại \(year)") }
  }
}

@Suite("Risk")
struct RiskTests {
  @Test func withoutASourceTheRiskSaysWhichInputsAreMissing() async throws {
    let module = try Harness()
    do {
      _ = try await module.call(InspectionService.ComputeRisk.self, .init(unitCodes: ["DBCS-01", "DBCS-02"]))
      Issue.record("expected FAILED_PRECONDITION")
    } catch let error as RPCError {
      #expect(error.code == .failedPrecondition)
      #expect(
        error.message.hasPrefix("weights.indicators_bp: the indicators of 2 units (DBCS-01, DBCS-02) are missing"))
      #expect(error.message.contains("weights.rating_bp: the ratings of"))
    }
  }

  @Test func timeSinceTheLastVisitComesFromTheStoredProgrammes() async throws {
    let module = try Harness()
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    let visit = try #require(planned.visits.first { $0.unitCode == "DBCS-01" })
    let response = try await module.call(
      InspectionService.ComputeRisk.self,
      .init(
        unitCodes: ["DBCS-01", "DBCS-99"], weights: .init(timeSinceVisitBp: 10_000, fullRiskAfterYears: 1),
        asOf: date(2027, 1, 1)))
    let visited = try #require(response.risks.first)
    #expect(visited.lastVisit == visit.lastDay)
    #expect(visited.source == .computed)
    #expect(visited.components.count == 1 && visited.components[0].factor == .timeSinceVisit)
    #expect(visited.scoreBp > 0 && visited.scoreBp < 10_000)
    #expect(visited.scoreBp == visited.components[0].contributionBp)
    let neverVisited = try #require(response.risks.last)
    #expect(neverVisited.unitCode == "DBCS-99" && neverVisited.scoreBp == 10_000 && neverVisited.lastVisit == nil)
  }

  @Test func aSourceGivesEveryFactorAndTheScoreIsTheSumOfTheContributions() async throws {
    let module = try Harness(
      riskSource: FixedRiskSource(indicators: ["DBCS-01": 8_000], ratings: ["DBCS-01": 5_000]))
    let response = try await module.call(
      InspectionService.ComputeRisk.self, .init(unitCodes: ["DBCS-01"], asOf: date(2026, 1, 1)))
    let risk = try #require(response.risks.first)
    #expect(risk.components.map(\.factor) == [.indicators, .rating, .timeSinceVisit])
    #expect(risk.components.map(\.contributionBp) == [3_200, 1_500, 3_000])
    #expect(risk.scoreBp == 7_700)
    #expect(risk.components[0].detail == "kỳ 2025")
  }

  @Test func aUnitTheSourceHasNoDataForIsNamed() async throws {
    let module = try Harness(riskSource: FixedRiskSource(indicators: ["DBCS-01": 1], ratings: ["DBCS-01": 1]))
    await expectRPCError(.failedPrecondition, field: "weights.indicators_bp") {
      _ = try await module.call(InspectionService.ComputeRisk.self, .init(unitCodes: ["DBCS-01", "DBCS-02"]))
    }
  }

  @Test func aUnitTheSourceDoesNotKnowIsBlamedOnTheFieldThatNamesIt() async throws {
    let module = try Harness(
      riskSource: FixedRiskSource(indicators: ["DBCS-01": 1], ratings: ["DBCS-01": 1], unknown: ["DBCS-03"]))
    await expectRPCError(.notFound, field: "unit_codes[1]") {
      _ = try await module.call(InspectionService.ComputeRisk.self, .init(unitCodes: ["DBCS-01", "DBCS-03"]))
    }
    var input = smallInput()
    input.riskMode = .computeAll
    let index = try #require(input.visitsDue.firstIndex { $0.unitCode == "DBCS-03" })
    await expectRPCError(.notFound, field: "input.visits_due[\(index)].unit_code") {
      _ = try await module.call(InspectionService.Plan.self, planRequest(input))
    }
  }

  @Test func aPlanThatComputesRisksUsesTheSourceAndStoresTheRisksUsed() async throws {
    let codes = (1...6).map { "DBCS-0\($0)" }
    let module = try Harness(
      riskSource: FixedRiskSource(
        indicators: Dictionary(uniqueKeysWithValues: codes.map { ($0, 10_000) }),
        ratings: Dictionary(uniqueKeysWithValues: codes.map { ($0, 0) })))
    var input = smallInput()
    input.riskMode = .computeMissing
    input.risks = [InspectionUnitRisk(unitCode: "DBCS-01", scoreBp: 123)]
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(input)).programme)
    let stored = try #require(
      try await module.call(
        InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId, includeInput: true)
      ).input)
    #expect(stored.risks.count == 6)
    #expect(stored.risks[0] == InspectionUnitRisk(unitCode: "DBCS-01", scoreBp: 123, source: .given))
    #expect(stored.risks.dropFirst().allSatisfy { $0.source == .computed && $0.scoreBp == 7_000 })
    #expect(planned.visits.first { $0.unitCode == "DBCS-02" }?.riskBp == 7_000)
  }

  @Test func aPlanThatComputesRisksWithoutASourceIsRefusedAndStoresNothing() async throws {
    let module = try Harness()
    var input = smallInput()
    input.riskMode = .computeAll
    await expectRPCError(.failedPrecondition, field: "input.rules.risk_weights.indicators_bp") {
      _ = try await module.call(InspectionService.Plan.self, planRequest(input))
    }
    #expect(try await module.call(InspectionService.ListProgrammes.self, .init()).page?.totalCount == 0)
  }

  @Test func riskRequestsAreCheckedNamingTheField() async throws {
    let module = try Harness()
    func compute(_ request: InspectionComputeRiskRequest) async throws {
      _ = try await module.call(InspectionService.ComputeRisk.self, request)
    }
    let timeOnly = InspectionRiskWeights(timeSinceVisitBp: 10_000)
    await expectRPCError(.invalidArgument, field: "unit_codes") { try await compute(.init()) }
    await expectRPCError(.invalidArgument, field: "unit_codes[1]") {
      try await compute(.init(unitCodes: ["A", "A"], weights: timeOnly))
    }
    await expectRPCError(.invalidArgument, field: "unit_codes[0]") { try await compute(.init(unitCodes: [""])) }
    await expectRPCError(.resourceExhausted, field: "unit_codes") {
      try await compute(.init(unitCodes: (0..<100_000).map { "U\($0)" }, weights: timeOnly))
    }
    await expectRPCError(.invalidArgument, field: "weights") {
      try await compute(.init(unitCodes: ["A"], weights: .init(indicatorsBp: 1)))
    }
    await expectRPCError(.invalidArgument, field: "weights.rating_bp") {
      try await compute(.init(unitCodes: ["A"], weights: .init(ratingBp: -5)))
    }
    await expectRPCError(.invalidArgument, field: "weights.indicator_period.type") {
      try await compute(.init(unitCodes: ["A"], weights: .init(indicatorPeriod: Period(year: 2025))))
    }
    await expectRPCError(.invalidArgument, field: "weights.full_risk_after_years") {
      try await compute(.init(unitCodes: ["A"], weights: .init(timeSinceVisitBp: 10_000, fullRiskAfterYears: -1)))
    }
    await expectRPCError(.invalidArgument, field: "as_of") {
      try await compute(.init(unitCodes: ["A"], weights: timeOnly, asOf: date(2026, 13, 1)))
    }
  }
}
