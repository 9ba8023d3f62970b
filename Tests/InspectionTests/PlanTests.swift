import GRPCCore
import ReformModule
import ReformModuleTesting
import ReformWire
import Testing

@Suite("Plan")
struct PlanTests {
  @Test func aPlannedProgrammeIsStoredAndReadsBackIdentical() async throws {
    let module = try Harness()
    let planned = try await module.call(InspectionService.Plan.self, planRequest(smallInput()))
    let programme = try #require(planned.programme)
    #expect(programme.programmeId == "KTGS-2026-0001")
    #expect(programme.version == 1)
    #expect(programme.ownerUnitCode == "DUK")
    #expect(programme.createdBy == "ktv-01")
    #expect(programme.input == nil)
    #expect(programme.visits.count == 6 && programme.unplaced.isEmpty)
    #expect(programme.objective?.placed == 6)

    let read = try await module.call(InspectionService.GetProgramme.self, .init(programmeId: programme.programmeId))
    #expect(read == programme)
    let latestOfOwner = try await module.call(
      InspectionService.GetProgramme.self, .init(ownerUnitCode: "DUK", year: 2026))
    #expect(latestOfOwner == programme)

    let withInput = try await module.call(
      InspectionService.GetProgramme.self, .init(programmeId: programme.programmeId, includeInput: true))
    let input = try #require(withInput.input)
    #expect(input.visitsDue == smallInput().visitsDue)
    #expect(input.risks.allSatisfy { $0.source == .given })
    // Every default is written out, so a replan next year keeps the rules planned with.
    #expect(input.rules?.minGapWorkingDays == 20)
    #expect(input.rules?.maxVisitsPerTeamPerMonth == 2)
    #expect(input.rules?.riskWeights?.indicatorsBp == 4_000)
  }

  @Test func theSameInputAndSeedGiveTheSameProgramme() async throws {
    let module = try Harness()
    var request = planRequest(generatedInput(units: 60, teams: 6, seed: 3))
    request.dryRun = true
    let first = try #require(try await module.call(InspectionService.Plan.self, request).programme)
    let second = try #require(try await module.call(InspectionService.Plan.self, request).programme)
    #expect(first.visits == second.visits)
    #expect(first.unplaced == second.unplaced)
    #expect(first.objective == second.objective)
    #expect(first.programmeId.isEmpty && first.version == 0)
    let listed = try await module.call(InspectionService.ListProgrammes.self, .init())
    #expect(listed.page?.totalCount == 0)
  }

  @Test func theRiskiestUnitIsVisitedFirst() async throws {
    let module = try Harness()
    let programme = try #require(
      try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    // DBCS-06 has the highest risk and no window: it starts on the first working day.
    let riskiest = try #require(programme.visits.first { $0.unitCode == "DBCS-06" })
    #expect(riskiest.firstDay == date(2026, 1, 2))
    #expect(riskiest.riskBp == 6_000)
    // No inspector visits their own unit: T1 has an inspector from DBCS-03.
    #expect(programme.visits.first { $0.unitCode == "DBCS-03" }?.teamId == "T2")
  }

  @Test func aVisitNoTeamMayMakeIsUnplacedWithTheRuleThatBlocksIt() async throws {
    let module = try Harness()
    var input = smallInput()
    input.visitsDue[2].teamId = "T1"
    input.visitsDue[4].lengthDays = 30
    let programme = try #require(try await module.call(InspectionService.Plan.self, planRequest(input)).programme)
    #expect(programme.unplaced.count == 2)
    let ownUnit = try #require(programme.unplaced.first { $0.due?.dueId == "DBCS-03-1" })
    #expect(ownUnit.blockingRule == .ownUnit)
    #expect(ownUnit.explanation.contains("DBCS-03"))
    #expect(ownUnit.explanation.contains("KTV-02"))
    let tooLong = try #require(programme.unplaced.first { $0.due?.dueId == "DBCS-05-1" })
    #expect(tooLong.blockingRule == .lengthLimit)
    #expect(programme.objective?.unplaced == 2)
  }

  @Test func extremeButValidRulesPlanWithoutFailing() async throws {
    let module = try Harness()
    var input = smallInput()
    input.rules = InspectionRules(
      minGapWorkingDays: 366, maxVisitsPerTeamPerMonth: 1_000, maxLengthDays: 366, extensionBp: 10_000,
      minInspectorsPresent: 100)
    input.visitsDue[0].lengthDays = 366
    input.visitsDue[1].unitMemberCount = 10_000_000
    input.visitsDue[5].unitCode = input.visitsDue[4].unitCode
    input.seed = .min
    let programme = try #require(try await module.call(InspectionService.Plan.self, planRequest(input)).programme)
    #expect(programme.visits.count + programme.unplaced.count == 6)
    #expect(programme.unplaced.contains { $0.due?.dueId == "DBCS-01-1" && $0.blockingRule == .window })
  }

  @Test func aRepeatWithTheSameKeyReturnsTheFirstAnswerAndStoresNothingAgain() async throws {
    let module = try Harness()
    let request = planRequest(smallInput(), key: "plan-2026-a")
    let first = try await module.call(InspectionService.Plan.self, request)
    let repeated = try await module.call(InspectionService.Plan.self, request)
    #expect(repeated == first)
    let afterRestart = try await module.reopened().call(InspectionService.Plan.self, request)
    #expect(afterRestart == first)
    #expect(try await module.call(InspectionService.ListProgrammes.self, .init()).page?.totalCount == 1)

    var different = request
    different.input?.seed = 99
    await expectRPCError(.alreadyExists, field: "idempotency_key") {
      _ = try await module.call(InspectionService.Plan.self, different)
    }
    #expect(try await module.call(InspectionService.ListProgrammes.self, .init()).page?.totalCount == 1)
  }

  @Test func theOwnerIsTheCallersUnitWhenNotGiven() async throws {
    let module = try Harness()
    let programme = try #require(
      try await module.call(InspectionService.Plan.self, planRequest(smallInput(), owner: "")).programme)
    #expect(programme.ownerUnitCode == "UBKT-DUK")
    let unitless = JobContext.test(as: TestCaller.admin, module: "inspection")
    await expectRPCError(.invalidArgument, field: "owner_unit_code") {
      _ = try await module.call(InspectionService.Plan.self, planRequest(smallInput(), owner: ""), as: unitless)
    }
  }

  @Test func aTinyTimeLimitStillPlansEveryVisit() async throws {
    let module = try Harness()
    var request = planRequest(generatedInput(units: 60, teams: 6, seed: 5))
    request.timeLimitMs = 1
    let programme = try #require(try await module.call(InspectionService.Plan.self, request).programme)
    #expect(programme.visits.count + programme.unplaced.count == request.input?.visitsDue.count)
  }

  @Test func badInputIsRefusedNamingTheFieldAndNothingIsStored() async throws {
    let module = try Harness()
    func refuse(
      _ field: String, code: RPCError.Code = .invalidArgument, sourceLocation: SourceLocation = #_sourceLocation,
      _ change: (inout InspectionPlanRequest) -> Void
    ) async {
      var request = planRequest(smallInput(), key: "bad")
      change(&request)
      await expectRPCError(code, field: field, sourceLocation: sourceLocation) {
        _ = try await module.call(InspectionService.Plan.self, request)
      }
    }
    await refuse("input") { $0.input = nil }
    await refuse("input.year") { $0.input?.year = 0 }
    await refuse("input.year") { $0.input?.year = 1_000_000 }
    await refuse("input.visits_due[0].due_id") { $0.input?.visitsDue[0].dueId = "" }
    await refuse("input.visits_due[1].due_id") { $0.input?.visitsDue[1].dueId = "DBCS-01-1" }
    await refuse("input.visits_due[0].kind") { $0.input?.visitsDue[0].kind = .unspecified }
    await refuse("input.visits_due[0].kind") { $0.input?.visitsDue[0].kind = InspectionKind(rawValue: 77) }
    await refuse("input.visits_due[0].length_days") { $0.input?.visitsDue[0].lengthDays = -3 }
    await refuse("input.visits_due[0].length_days") { $0.input?.visitsDue[0].lengthDays = .max }
    await refuse("input.visits_due[0].length_days") { $0.input?.visitsDue[0].lengthDays = 0 }
    await refuse("input.visits_due[0].unit_member_count") { $0.input?.visitsDue[0].unitMemberCount = -1 }
    await refuse("input.visits_due[0].window.first") {
      $0.input?.visitsDue[0].window = range(date(2026, 2, 30), date(2026, 3, 1))
    }
    await refuse("input.visits_due[0].window") {
      $0.input?.visitsDue[0].window = range(date(2027, 1, 1), date(2027, 3, 1))
    }
    await refuse("input.visits_due[0].window.last") {
      $0.input?.visitsDue[0].window = DateRange(first: date(2026, 1, 1))
    }
    await refuse("input.visits_due[0].topic") {
      $0.input?.visitsDue[0].topic = String(repeating: "Nội dung ", count: 200_000)
    }
    await refuse("input.teams[1].team_id") { $0.input?.teams[1].teamId = "T1" }
    await refuse("input.teams[0].inspectors") { $0.input?.teams[0].inspectors = [] }
    await refuse("input.teams[1].inspectors[0].inspector_id") {
      $0.input?.teams[1].inspectors[0].inspectorId = "KTV-01"
    }
    await refuse("input.teams[0].inspectors[0].home_unit_code") {
      $0.input?.teams[0].inspectors[0].homeUnitCode = ""
    }
    await refuse("input.teams[0].inspectors[0].unavailable[0].dates") {
      $0.input?.teams[0].inspectors[0].unavailable = [InspectionUnavailability(reason: "nghỉ phép")]
    }
    await refuse("input.teams[0].max_visits_per_month") { $0.input?.teams[0].maxVisitsPerMonth = -2 }
    await refuse("input.rules.min_gap_working_days") { $0.input?.rules = InspectionRules(minGapWorkingDays: -1) }
    await refuse("input.rules.extension_bp") { $0.input?.rules = InspectionRules(extensionBp: 20_000) }
    await refuse("input.rules.lengths[0].length_days") {
      $0.input?.rules = InspectionRules(lengths: [InspectionLengthRule(kind: .programmed, lengthDays: 0)])
    }
    await refuse("input.rules.risk_weights") {
      $0.input?.rules = InspectionRules(riskWeights: InspectionRiskWeights(indicatorsBp: 5_000, ratingBp: 1_000))
    }
    await refuse("input.risks[0].score_bp") { $0.input?.risks[0].scoreBp = 10_001 }
    await refuse("input.risks[1].unit_code") { $0.input?.risks[1].unitCode = "DBCS-01" }
    await refuse("input.risk_mode") { $0.input?.riskMode = InspectionRiskMode(rawValue: 9) }
    await refuse("time_limit_ms") { $0.timeLimitMs = -1 }
    await refuse("name") { $0.name = String(repeating: "x", count: 10_000) }
    await refuse("idempotency_key") { $0.idempotencyKey = String(repeating: "k", count: 1_000) }
    await refuse("input.visits_due", code: .resourceExhausted) {
      $0.input?.visitsDue = Array(repeating: smallInput().visitsDue[0], count: 100_000)
    }
    await refuse("input.teams", code: .resourceExhausted) {
      $0.input?.teams = Array(repeating: smallInput().teams[0], count: 10_000)
    }
    #expect(try await module.call(InspectionService.ListProgrammes.self, .init()).page?.totalCount == 0)
    // The key of a refused request was not taken.
    let accepted = try await module.call(InspectionService.Plan.self, planRequest(smallInput(), key: "bad"))
    #expect(accepted.programme?.version == 1)
  }
}
