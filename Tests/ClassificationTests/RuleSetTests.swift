import Foundation
import GRPCCore
import ReformWire
import Testing

@Suite("ListRuleSets, GetRuleSet and DefineRuleSet")
struct RuleSetTests {
  /// The message `set` is refused with.
  static func refusal(_ bed: TestBed, _ set: RatingRuleSet) async -> String {
    let error = await status {
      try await bed.call(ClassificationService.DefineRuleSet.self, ClassificationDefineRuleSetRequest(ruleSet: set))
    }
    #expect(error?.code == .invalidArgument)
    return error?.message ?? ""
  }

  @Test("the shipped rule sets are always listed, filtered by year and subject kind")
  func builtInsListed() async throws {
    let bed = try TestBed()
    func ids(_ request: ClassificationListRuleSetsRequest) async throws -> [String] {
      try await bed.call(ClassificationService.ListRuleSets.self, request).ruleSets.map(\.id)
    }
    #expect(try await ids(ClassificationListRuleSetsRequest()) == ["124-QD-TW-2023", "335-ND-CP-2026", "366-QD-TW-2025"])
    #expect(try await ids(ClassificationListRuleSetsRequest(year: 2024)) == ["124-QD-TW-2023"])
    #expect(try await ids(ClassificationListRuleSetsRequest(year: 2026, subjectKind: .civilServant)) == ["335-ND-CP-2026"])
    let paged = try await bed.call(ClassificationService.ListRuleSets.self, ClassificationListRuleSetsRequest(page: PageRequest(pageSize: 2)))
    #expect(paged.ruleSets.count == 2)
    #expect(paged.page?.totalCount == 3)
    let rest = try await bed.call(
      ClassificationService.ListRuleSets.self,
      ClassificationListRuleSetsRequest(page: PageRequest(pageSize: 2, pageToken: paged.page?.nextPageToken ?? "")))
    #expect(rest.ruleSets.map(\.id) == ["366-QD-TW-2025"])
  }

  @Test("GetRuleSet shows a shipped set with every rule, its source and the quota")
  func getBuiltIn() async throws {
    let bed = try TestBed()
    let set = try await bed.ruleSet("366-QD-TW-2025")
    #expect(set.version == 1)
    #expect(set.name.hasPrefix("Quy định 366-QĐ/TW"))
    #expect(set.rules.count == 14)
    #expect(set.effectiveFrom == CalendarDate(year: 2025, month: 1, day: 1))
    #expect(set.effectiveTo == nil)
    #expect(set.contentSha256.count == 64)
    #expect(set.quota?.ruleId == "366.quota")
    #expect(set.quota?.shareBasisPoints == 2_000)
    let threshold = try #require(set.rules.first)
    #expect(threshold.kind == .scoreThreshold)
    #expect(threshold.parameters == [RatingRuleParameter(name: "min_hundredths", value: .intValue(9_000))])
    #expect(threshold.source?.article == "Điều 11, khoản 1")
    let leader = try #require(set.rules.first { $0.kind == .ledCollectiveLevel })
    #expect(leader.parameters.isEmpty, "the default table: a leader no better than the collective")
    #expect(leader.unconfirmed)
    let missing = await status {
      try await bed.call(ClassificationService.GetRuleSet.self, ClassificationGetRuleSetRequest(id: "366-QD-TW-2025", version: 9))
    }
    #expect(missing?.code == .notFound)
  }

  @Test("a set read with GetRuleSet and defined again under a new id reads back the same rules")
  func roundTrip() async throws {
    let bed = try TestBed()
    for id in ["124-QD-TW-2023", "335-ND-CP-2026", "366-QD-TW-2025"] {
      let set = try await bed.copy(of: id, as: id + "-LOCAL")
      let defined = try await bed.define(set)
      #expect(defined.version == 1)
      #expect(defined.loadedAt != nil)
      let read = try await bed.ruleSet(id + "-LOCAL")
      let original = try await bed.ruleSet(id)
      #expect(read.rules == original.rules)
      #expect(read.quota == original.quota)
      #expect(read.sources == original.sources)
      #expect(read.effectiveFrom == original.effectiveFrom)
    }
  }

  @Test("a new regulation is new data: a defined set rates a run, with its own rules and leader table")
  func definedSetRates() async throws {
    let bed = try TestBed()
    var set = try await bed.copy(of: "366-QD-TW-2025", as: "NQ-DIA-PHUONG-2025")
    set.name = "Hướng dẫn địa phương"
    // Leaders of a collective rated below HTTNV keep at best HTNV; otherwise uncapped.
    for index in set.rules.indices where set.rules[index].kind == .ledCollectiveLevel {
      set.rules[index].parameters = [RatingRuleParameter(name: "min_collective_level", value: .levelValue(.httnv))]
      set.rules[index].capLevel = .htnv
    }
    set.quota?.enabled = false
    let defined = try await bed.define(set)
    let leader = try #require(defined.rules.first { $0.kind == .ledCollectiveLevel })
    #expect(leader.parameters == [RatingRuleParameter(name: "min_collective_level", value: .levelValue(.httnv))])
    #expect(leader.capLevel == .htnv)

    try await bed.submit(
      [Sample.member("P1", total: 9_500, leads: "CB1"), Sample.member("P2", total: 9_500)],
      collectives: [Sample.collective("CB1", total: 8_000)])
    let run = try #require(try await bed.run(ruleSet: "NQ-DIA-PHUONG-2025").run)
    #expect(run.ruleSetId == "NQ-DIA-PHUONG-2025")
    #expect(run.ruleSetSha256 == defined.contentSha256)
    let ratings = try await bed.results(runId: run.id)
    #expect(ratings.first { $0.subjectId == "P1" }?.level == .htxsnv, "collective HTTNV: its leader is not capped")
    #expect(ratings.first { $0.subjectId == "P2" }?.level == .htxsnv, "the quota is off in this set")
  }

  @Test("an invalid set is refused naming the bad field")
  func invalidSetsNameTheField() async throws {
    let bed = try TestBed()
    let base = try await bed.ruleSet("366-QD-TW-2025")
    var set = base
    set.id = "X"
    set.version = 0

    var tooHigh = set
    tooHigh.rules[0].parameters = [RatingRuleParameter(name: "min_hundredths", value: .intValue(12_000))]
    #expect(await Self.refusal(bed, tooHigh).hasPrefix("rule_set.rules[0].parameters[0]:"))

    var unknown = set
    unknown.rules[0].parameters.append(RatingRuleParameter(name: "min_hundreths", value: .intValue(1)))
    #expect(await Self.refusal(bed, unknown).hasPrefix("rule_set.rules[0].parameters[1].name:"))

    var wrongType = set
    wrongType.rules[0].parameters = [RatingRuleParameter(name: "min_hundredths", value: .textValue("90"))]
    #expect(await Self.refusal(bed, wrongType).hasPrefix("rule_set.rules[0].parameters[0].int_value:"))

    var notRead = set
    notRead.rules[3].parameters.append(RatingRuleParameter(name: "max_count", value: .intValue(1)))
    #expect(await Self.refusal(bed, notRead).hasPrefix("rule_set.rules[3].parameters[1]:"))

    var noSource = set
    noSource.rules[1].source = nil
    #expect(await Self.refusal(bed, noSource).hasPrefix("rule_set.rules[1].source.document:"))

    var noKind = set
    noKind.rules[2].kind = .unspecified
    #expect(await Self.refusal(bed, noKind).hasPrefix("rule_set.rules[2].kind:"))

    var duplicate = set
    duplicate.rules[1].id = duplicate.rules[0].id
    #expect(await Self.refusal(bed, duplicate).hasPrefix("rule_set.rules[1].id:"))

    var undated = set
    undated.effectiveFrom = nil
    #expect(await Self.refusal(bed, undated).hasPrefix("rule_set.effective_from:"))

    var badQuota = set
    badQuota.quota?.subjectKinds = [.civilServant]
    #expect(await Self.refusal(bed, badQuota).hasPrefix("rule_set.quota.subject_kinds[0]:"))

    let missing = await status {
      try await bed.call(ClassificationService.DefineRuleSet.self, ClassificationDefineRuleSetRequest())
    }
    #expect(missing?.message.hasPrefix("rule_set:") == true)
    #expect(try await bed.call(ClassificationService.ListRuleSets.self, ClassificationListRuleSetsRequest()).ruleSets.count == 3)
  }

  @Test("a version is taken once: the next is given, a shipped set is followed by version 2")
  func versions() async throws {
    let bed = try TestBed()
    var set = try await bed.ruleSet("366-QD-TW-2025")
    set.version = 1
    let taken = await status {
      try await bed.call(ClassificationService.DefineRuleSet.self, ClassificationDefineRuleSetRequest(ruleSet: set))
    }
    #expect(taken?.code == .alreadyExists)
    #expect(taken?.message.hasPrefix("rule_set.version:") == true)
    set.version = 5
    let skipped = await status {
      try await bed.call(ClassificationService.DefineRuleSet.self, ClassificationDefineRuleSetRequest(ruleSet: set))
    }
    #expect(skipped?.code == .failedPrecondition)

    set.version = 0
    set.quota?.shareBasisPoints = 3_000
    let second = try await bed.define(set)
    #expect(second.version == 2)
    let all = try await bed.call(ClassificationService.ListRuleSets.self, ClassificationListRuleSetsRequest(allVersions: true))
    #expect(all.ruleSets.filter { $0.id == "366-QD-TW-2025" }.map(\.version) == [1, 2])

    try await bed.submit([Sample.member("P1")], collectives: [Sample.collective("CB1")])
    let run = try #require(try await bed.run().run)
    #expect(run.ruleSetVersion == 2, "a run takes the latest version by default")
  }

  @Test("a dry run checks a set without loading it; a repeat with the same key loads nothing more")
  func dryRunAndIdempotency() async throws {
    let bed = try TestBed()
    let set = try await bed.copy(of: "335-ND-CP-2026", as: "335-LOCAL")
    let checked = try await bed.define(set, dryRun: true)
    #expect(checked.version == 1)
    #expect(checked.loadedAt == nil)
    let missing = await status {
      try await bed.call(ClassificationService.GetRuleSet.self, ClassificationGetRuleSetRequest(id: "335-LOCAL"))
    }
    #expect(missing?.code == .notFound)

    let first = try await bed.define(set, key: "define-335")
    let again = try await bed.define(set, key: "define-335")
    #expect(first == again)
    let versions = try await bed.call(
      ClassificationService.ListRuleSets.self, ClassificationListRuleSetsRequest(allVersions: true)
    ).ruleSets.filter { $0.id == "335-LOCAL" }
    #expect(versions.count == 1)
  }

  @Test("a run under a set the evaluations do not fit names the subject and field")
  func evaluationsThatDoNotFit() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1")])
    var set = try await bed.copy(of: "124-QD-TW-2023", as: "124-FOR-2025")
    set.effectiveFrom = CalendarDate(year: 2025, month: 1, day: 1)
    set.effectiveTo = CalendarDate(year: 2025, month: 12, day: 31)
    _ = try await bed.define(set)
    // Loaded later for the same first year, the set now rates 2025 by default: a new
    // submission is checked against it.
    let later = try await bed.call(
      ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: [Sample.member("P2")]))
    #expect(later.errors.map(\.field) == ["persons[0].assessed_level"])
    let error = await status { try await bed.run(ruleSet: "124-FOR-2025") }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message.contains("P1 assessed_level") == true)
  }
}
