import Foundation
import ReformClient
import ReformWire
import Testing

/// The year-end rating through real processes: a coordinator, a classification worker (and a
/// registry worker when this build hosts one), and calls over the Unix socket as any client
/// makes them.
///
/// The unit CB-A and its eleven members under 366-QĐ/TW for 2025: three reach HTXSNV on
/// points, five HTTNV, one HTNV, one is disciplined. The 20% quota (of HTTNV, per unit) lets
/// one HTXSNV stay: the two lowest scores are demoted, 90.00 first, then 91.00.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct ClassificationProcessTests {
  /// The subtree's evaluations, as a unit's secretary would submit them.
  static let evaluations: SubmitEvaluationsRequest = {
    func person(_ id: String, _ common: Int32, _ tasks: Int32, exceeded: Int32 = 1) -> PersonEvaluation {
      PersonEvaluation(
        personId: id, year: 2025, subjectKind: .partyMember, subjectName: "Đảng viên \(id)", unitCode: "CB-A",
        scores: RatingScores(commonCriteriaHundredths: common, taskResultsHundredths: tasks),
        tasks: RatingTaskCounts(total: 10, onTime: 10, exceeded: exceeded))
    }
    var leader = person("P01", 2850, 6400, exceeded: 4)
    leader.positions = [RatingPosition(title: "Bí thư Chi bộ", unitCode: "CB-A", leaderOrManager: true, head: true, ledUnitCode: "CB-A")]
    var disciplined = person("P10", 2500, 5500)
    disciplined.discipline = [
      DisciplineRecord(
        id: "05-QĐ/UBKT", system: .party, level: .reprimand, decided: CalendarDate(year: 2025, month: 6, day: 12))
    ]
    let persons =
      [leader, person("P02", 2800, 6300, exceeded: 4), person("P03", 2700, 6300, exceeded: 4)]
      + (4...8).map { person(String(format: "P%02d", $0), 2500, 5500) } + [person("P09", 2000, 4000), disciplined]
    let collective = CollectiveEvaluation(
      unitCode: "CB-A", year: 2025, subjectName: "Chi bộ A",
      scores: RatingScores(commonCriteriaHundredths: 2800, taskResultsHundredths: 6400),
      tasks: RatingTaskCounts(total: 20, onTime: 20, exceeded: 8), targetsTotal: 10, targetsMet: 10,
      leaderPersonIds: ["P01"])
    return SubmitEvaluationsRequest(persons: persons, collectives: [collective], idempotencyKey: "cb-a-2025")
  }()

  static let finalRun = ClassificationRunRequest(unitCode: "", year: 2025, mode: .final)

  @Test func evaluationsSubmittedOverRPCAreRatedByAFinalRunWithTheQuota() async throws {
    let cluster = try await Self.cluster()
    let (submitted, run) = try await cluster.withClient { client in
      let submitted = try await client.call(ClassificationService.SubmitEvaluations.self, Self.evaluations, timeout: .seconds(30))
      let run = try await client.call(ClassificationService.Run.self, Self.finalRun, timeout: .seconds(60))
      return (submitted, run)
    }
    #expect(submitted.applied && submitted.errors.isEmpty, "\(submitted.errors)")
    #expect(submitted.personsAccepted == 10 && submitted.collectivesAccepted == 1)
    let recorded = try #require(run.run)
    #expect(recorded.mode == .final && recorded.ratedCount == 11 && recorded.quotaDemotions == 2)
    let counts = Dictionary(uniqueKeysWithValues: recorded.levels.map { ($0.level, $0.count) })
    #expect(counts[.htxsnv] == 2, "P01 and the collective CB-A")
    #expect(counts[.httnv] == 7, "P04–P08, and P02 and P03 demoted by the quota")
    #expect(counts[.htnv] == 1 && counts[.khtnv] == 1)

    let results = try await cluster.withClient { client in
      try await client.call(
        ClassificationService.ListResults.self, ClassificationListResultsRequest(year: 2025, quotaDemotedOnly: true),
        timeout: .seconds(30))
    }
    #expect(results.ratings.map(\.subjectId).sorted() == ["P02", "P03"])
    #expect(results.ratings.allSatisfy { $0.locked && $0.runId == recorded.id })
  }

  @Test func aSecondFinalRunIsRefusedWithoutAReasonAndRecordedWithOne() async throws {
    let cluster = try await Self.cluster()
    let first = try await cluster.withClient { client in
      _ = try await client.call(ClassificationService.SubmitEvaluations.self, Self.evaluations, timeout: .seconds(30))
      return try await client.call(ClassificationService.Run.self, Self.finalRun, timeout: .seconds(60))
    }
    let firstId = try #require(first.run?.id)

    let refusal = await #expect(throws: ReformError.self) {
      try await cluster.withClient { client in
        try await client.call(ClassificationService.Run.self, Self.finalRun, timeout: .seconds(60))
      }
    }
    #expect(refusal?.code == .failedPrecondition)
    #expect(refusal?.message.hasPrefix("rerun_reason: ") == true, "\(refusal?.message ?? "")")

    var rerun = Self.finalRun
    rerun.rerunReason = "Biên bản kiểm phiếu bổ sung ngày 15/01/2026"
    let request = rerun
    let (second, listed) = try await cluster.withClient { client in
      let second = try await client.call(ClassificationService.Run.self, request, timeout: .seconds(60))
      let listed = try await client.call(
        ClassificationService.ListRuns.self, ClassificationListRunsRequest(year: 2025, mode: .final), timeout: .seconds(30))
      return (second, listed)
    }
    let recorded = try #require(second.run)
    #expect(recorded.supersededRunIds == [firstId])
    #expect(recorded.rerunReason == "Biên bản kiểm phiếu bổ sung ngày 15/01/2026")
    #expect(recorded.changedCount == 0, "the same evaluations give the same levels")
    #expect(recorded.startedBy?.id == "admin")
    #expect(listed.runs.map(\.id) == [recorded.id, firstId], "newest first")
  }

  @Test func explainNamesEveryRuleItsSourceAndTheQuotaTieBreak() async throws {
    let cluster = try await Self.cluster()
    let explained = try await cluster.withClient { client in
      _ = try await client.call(ClassificationService.SubmitEvaluations.self, Self.evaluations, timeout: .seconds(30))
      _ = try await client.call(ClassificationService.Run.self, Self.finalRun, timeout: .seconds(60))
      return try await client.call(
        ClassificationService.Explain.self,
        ClassificationExplainRequest(subjectKind: .partyMember, subjectId: "P03", year: 2025), timeout: .seconds(30))
    }
    let rating = try #require(explained.rating)
    #expect(rating.level == .httnv && rating.levelBeforeQuota == .htxsnv && rating.scoreHundredths == 9000)
    #expect(!rating.checks.isEmpty)
    #expect(rating.checks.allSatisfy { !$0.ruleId.isEmpty && !($0.source?.document.isEmpty ?? true) })
    #expect(rating.checks.contains { $0.ruleId == "366.d11.htxsnv.score" && $0.outcome == .held })
    let demotion = try #require(rating.quotaDemotion)
    #expect(demotion.demotionOrder == 1, "the lowest total score goes first")
    #expect(demotion.decidedBy == .totalScore)
    #expect(demotion.excellentBefore == 3 && demotion.goodBefore == 5 && demotion.allowedExcellent == 1)
    #expect(explained.narrative.contains("Kết quả: Hoàn thành tốt nhiệm vụ"), "\(explained.narrative)")
    guard case .person(let input)? = explained.input else {
      Issue.record("the explanation lacks the evaluation it was computed from")
      return
    }
    #expect(input.personId == "P03" && input.scores?.commonCriteriaHundredths == 2700)
  }

  @Test func anInvalidEvaluationIsReportedByItsFieldAndNothingIsWritten() async throws {
    let cluster = try await Self.cluster()
    var request = Self.evaluations
    request.persons[2].scores?.commonCriteriaHundredths = 3050
    request.idempotencyKey = ""
    let wrong = request
    let (response, listed) = try await cluster.withClient { client in
      let response = try await client.call(ClassificationService.SubmitEvaluations.self, wrong, timeout: .seconds(30))
      let listed = try await client.call(
        ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: 2025), timeout: .seconds(30))
      return (response, listed)
    }
    #expect(!response.applied)
    let error = try #require(response.errors.first)
    #expect(error.field == "persons[2].scores.common_criteria_hundredths" && error.subjectId == "P03", "\(error)")
    #expect(listed.evaluations.isEmpty, "all or nothing")
  }

  /// A clerk of CB-A names their own unit for a person the registry counts under CB-B: the
  /// classification worker asks the registry worker, through the coordinator, and refuses the
  /// whole batch; CB-B's stored evaluation is byte-identical afterwards. Their own person goes
  /// through, so the registry is asked and answers.
  @Test func aClerksEvaluationOfAnotherUnitsPersonIsRefusedByTheRegistrysAnswer() async throws {
    let cluster = try await Self.cluster()
    guard try HostedModules.list().contains("registry") else { return }
    @Sendable func person(_ id: String, unit: String) -> PersonEvaluation {
      PersonEvaluation(
        personId: id, year: 2025, subjectKind: .partyMember, subjectName: "Đảng viên \(id)", unitCode: unit,
        scores: RatingScores(commonCriteriaHundredths: 2500, taskResultsHundredths: 5500),
        tasks: RatingTaskCounts(total: 10, onTime: 10, exceeded: 1))
    }
    let listB = ClassificationListEvaluationsRequest(page: PageRequest(pageSize: 100), year: 2025, unitCode: "CB-B")
    let (clerkToken, before) = try await cluster.withClient { client in
      let opened = CalendarDate(year: 2004, month: 6, day: 1)
      for unit in [
        OrgUnit(code: "DUK", name: "Đảng bộ Khối", kind: .blocCommittee, opened: opened),
        OrgUnit(code: "CB-A", name: "Chi bộ A", kind: .grassrootsCell, parentCode: "DUK", opened: opened),
        OrgUnit(code: "CB-B", name: "Chi bộ B", kind: .grassrootsCell, parentCode: "DUK", opened: opened),
      ] {
        _ = try await client.call(
          RegistryService.CreateUnit.self, CreateUnitRequest(unit: unit, idempotencyKey: "unit-\(unit.code)"), timeout: .seconds(30))
      }
      for (id, unit) in [("NV-A", "CB-A"), ("NV-B", "CB-B")] {
        _ = try await client.call(
          RegistryService.CreatePerson.self,
          CreatePersonRequest(
            person: Person(id: id, fullName: "Công chức \(id)", categories: [.civilServant], unitCode: unit),
            idempotencyKey: "person-\(id)"),
          timeout: .seconds(30))
      }
      let stored = try await client.call(
        ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: [person("NV-B", unit: "CB-B")]),
        timeout: .seconds(30))
      #expect(stored.applied, "\(stored.errors)")
      let token = try await client.call(
        AdminService.CreateToken.self,
        AdminCreateTokenRequest(
          idempotencyKey: "clerk-cb-a", principal: Principal(displayName: "Văn thư Chi bộ A", unitCode: "CB-A", roles: [.clerk])),
        timeout: .seconds(30)
      ).token
      return (token, try await client.call(ClassificationService.ListEvaluations.self, listB, timeout: .seconds(30)))
    }
    try await ReformClient.connect(to: cluster.address, token: clerkToken) { client in
      do {
        _ = try await client.call(
          ClassificationService.SubmitEvaluations.self,
          SubmitEvaluationsRequest(persons: [person("NV-A", unit: "CB-A"), person("NV-B", unit: "CB-A")]), timeout: .seconds(30))
        Issue.record("a clerk of CB-A replaced CB-B's evaluation")
      } catch let error as ReformError {
        #expect(error.code == .permissionDenied, "\(error)")
        #expect(error.message.hasPrefix("persons[1].person_id: NV-B is counted under unit CB-B in the registry"), "\(error)")
      }
      let own = try await client.call(
        ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: [person("NV-A", unit: "CB-A")]),
        timeout: .seconds(30))
      #expect(own.applied, "\(own.errors)")
    }
    let after = try await cluster.withClient { client in
      try await client.call(ClassificationService.ListEvaluations.self, listB, timeout: .seconds(30))
    }
    #expect(try after.wireBytes() == before.wireBytes(), "CB-B's evaluation is byte-identical")
  }

  /// Two classification workers with data folders of their own, as on two hosts, on one
  /// PostgreSQL database: four final runs started at once through both lock the ratings once
  /// — one run stored, three refused for want of a rerun reason — and every read through
  /// either worker, and through the one left after the other is killed, shows that one run.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
  func twoWorkersOnOneDatabaseStoreOneOfFourFinalRunsStartedAtOnce() async throws {
    let (cluster, database) = try await Cluster.startedForSharedDatabase()
    let workers = try await Self.startWorkers(on: cluster) {
      try (0..<2).map { try cluster.startWorkerOnAnotherHost(module: "classification", index: $0, database: database) }
    }
    try await cluster.withClient { client in
      let submitted = try await client.call(ClassificationService.SubmitEvaluations.self, Self.evaluations, timeout: .seconds(30))
      #expect(submitted.applied && submitted.errors.isEmpty, "\(submitted.errors)")
      let outcomes = await withTaskGroup(of: Result<String, any Error>.self) { group in
        for index in 1...4 {
          group.addTask {
            var run = Self.finalRun
            run.idempotencyKey = "final-\(index)"
            let request = run
            do {
              return .success(try await client.call(ClassificationService.Run.self, request, timeout: .seconds(60)).run?.id ?? "")
            } catch {
              return .failure(error)
            }
          }
        }
        return await group.reduce(into: [Result<String, any Error>]()) { $0.append($1) }
      }
      let stored = outcomes.compactMap { try? $0.get() }
      #expect(stored.count == 1, "\(outcomes)")
      for case .failure(let error) in outcomes {
        let refusal = error as? ReformError
        #expect(refusal?.code == .failedPrecondition && refusal?.message.hasPrefix("rerun_reason: ") == true, "\(error)")
      }
      let listRuns = ClassificationListRunsRequest(year: 2025, mode: .final)
      for _ in 1...4 {
        let listed = try await client.call(ClassificationService.ListRuns.self, listRuns, timeout: .seconds(30))
        #expect(listed.runs.map(\.id) == stored)
      }
      cluster.kill9(workers[workers.count - 1])
      let results = try await client.call(
        ClassificationService.ListResults.self, ClassificationListResultsRequest(year: 2025), timeout: .seconds(30))
      #expect(results.ratings.count == 11)
      #expect(results.ratings.allSatisfy { $0.locked && [$0.runId] == stored })
    }
  }

  /// A coordinator with a classification worker attached, and a registry worker when this
  /// build's `reformd worker --help` lists the module.
  private static func cluster() async throws -> Cluster {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    _ = try await startWorkers(on: cluster) { [try cluster.startWorker(module: "classification")] }
    return cluster
  }

  /// A registry worker when this build hosts one, then the classification workers `start`
  /// starts, all attached; returns the classification workers.
  private static func startWorkers(on cluster: Cluster, _ start: () throws -> [Process]) async throws -> [Process] {
    var workers = 0
    if try HostedModules.list().contains("registry") {
      try cluster.startWorker(module: "registry")
      workers += 1
    }
    let started = try start()
    try await cluster.waitForWorkers(workers + started.count, limit: .seconds(30))
    return started
  }
}
