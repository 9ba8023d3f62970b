import Classification
import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

/// What the proto carries since it learnt the domain's last words: the admonition, extra
/// places in a quota exception, subordinates disciplined on the collective's own finding, a
/// collective's parent unit, and the quota's text.
@Suite("Admonition, extra places, self-detected subordinates, parent units, quota text")
struct WireAdditionsTests {
  @Test("an admonition is kept as sent and does not count as discipline at reprimand or above")
  func admonition() async throws {
    let bed = try TestBed()
    let admonition = DisciplineRecord(
      id: "NN-01", system: .party, level: .admonition, decided: CalendarDate(year: Sample.year, month: 5, day: 4))
    try await bed.submit(
      [Sample.member("P1", total: 9_500, discipline: [admonition])], collectives: [Sample.collective("CB1")])
    guard case .person(let stored)? = try await bed.evaluations().first(where: { $0.isPerson })?.subject else {
      Issue.record("the evaluation was not kept")
      return
    }
    #expect(stored.discipline.first?.level == .admonition)
    _ = try await bed.run(mode: .final)
    let rating = try #require(try await bed.results().first { $0.subjectId == "P1" })
    #expect(rating.levelBeforeQuota == .htxsnv, "alone in its unit, the quota then demotes it")
    #expect(rating.checks.first { $0.ruleId == "366.discipline" }?.outcome == .held)
  }

  @Test("an exception of extra places lets that many more HTXSNV stay than the share allows")
  func extraPlaces() async throws {
    let bed = try TestBed()
    // 3 HTXSNV and 1 HTTNV: 20% of HTTNV plus 2 places allows 2 once one is demoted.
    let excellent = (0..<3).map { Sample.member("E\($0)", total: Int32(9_300 + $0 * 100)) }
    try await bed.submit(excellent + [Sample.member("G0")], collectives: [Sample.collective("CB1")])
    let granted = try await bed.call(
      ClassificationService.GrantQuotaException.self,
      ClassificationGrantQuotaExceptionRequest(exception: Sample.exception(unit: "CB1", grant: .extraPlaces(2))))
    #expect(granted.exception?.grant == .extraPlaces(2))
    let run = try await bed.run()
    #expect(run.run?.quotaDemotions == 1)
    let group = try #require(run.quotaGroups.first { $0.quotaUnitCode == "CB1" })
    #expect(group.exceptionId == granted.exception?.id)
    #expect(group.allowedExcellent == 2)
    let demoted = try await bed.results(runId: run.run?.id ?? "").filter { $0.quotaDemotion != nil }.map(\.subjectId)
    #expect(demoted == ["E0"], "the lowest score goes")
  }

  @Test("a subordinate disciplined on the collective's own finding is kept so; one not listed as disciplined is refused")
  func selfDetectedSubordinates() async throws {
    let bed = try TestBed()
    var collective = Sample.collective("DB1")
    collective.subordinateUnitsTotal = 2
    collective.disciplinedSubordinateUnitCodes = ["CB1", "CB2"]
    collective.selfDetectedSubordinateUnitCodes = ["CB2"]
    try await bed.submit(collectives: [collective])
    guard case .collective(let stored)? = try await bed.evaluations().first?.subject else {
      Issue.record("the evaluation was not kept")
      return
    }
    #expect(stored.selfDetectedSubordinateUnitCodes == ["CB2"])

    var stray = Sample.collective("DB2")
    stray.subordinateUnitsTotal = 1
    stray.selfDetectedSubordinateUnitCodes = ["CB3"]
    let response = try await bed.call(
      ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(collectives: [stray]))
    #expect(!response.applied)
    #expect(response.errors.map(\.field) == ["collectives[0].self_detected_subordinate_unit_codes[0]"])
  }

  @Test("without a registry, a collective's parent unit places it in the tree a clerk's scope reads")
  func parentUnit() async throws {
    let bed = try TestBed(units: nil)
    var cell = Sample.collective("CB2")
    cell.parentUnitCode = "DB1"
    try await bed.submit(collectives: [cell])
    try await bed.submit([Sample.member("P2", unit: "CB2")], as: TestBed.clerk("DB1"))
    let refused = await status {
      try await bed.call(
        ClassificationService.SubmitEvaluations.self,
        SubmitEvaluationsRequest(persons: [Sample.member("P3", unit: "CB3")]), as: TestBed.clerk("DB1"))
    }
    #expect(refused?.code == .permissionDenied, "nothing placed CB3 under DB1")

    var itself = Sample.collective("CB3")
    itself.parentUnitCode = "CB3"
    let response = try await bed.call(ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(collectives: [itself]))
    #expect(response.errors.map(\.field) == ["collectives[0].parent_unit_code"])
  }

  @Test("a clerk's collective may not move a unit placed outside the clerk's subtree")
  func clerkLinks() async throws {
    let bed = try TestBed(units: nil)
    var grassroots = Sample.collective("DB1")
    grassroots.subordinateUnitsTotal = 1
    grassroots.disciplinedSubordinateUnitCodes = ["CB1"]
    var other = Sample.collective("CB3")
    other.parentUnitCode = "DB2"
    try await bed.submit(collectives: [grassroots, other])

    var kept = Sample.collective("CB1")
    kept.parentUnitCode = "DB1"
    try await bed.submit(collectives: [kept], as: TestBed.clerk("DB1"))

    var moved = kept
    moved.parentUnitCode = "DB2"
    let away = await status {
      try await bed.call(
        ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(collectives: [moved]), as: TestBed.clerk("DB1"))
    }
    #expect(away?.code == .permissionDenied)
    #expect(away?.message.hasPrefix("collectives[0].parent_unit_code:") == true, "\(away?.message ?? "")")

    var taking = kept
    taking.subordinateUnitsTotal = 1
    taking.disciplinedSubordinateUnitCodes = ["CB3"]
    let taken = await status {
      try await bed.call(
        ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(collectives: [taking]), as: TestBed.clerk("DB1"))
    }
    #expect(taken?.code == .permissionDenied, "CB3 lies under DB2")
  }

  @Test("a quota's text travels with its rule set, and is written from the figures when left empty")
  func quotaText() async throws {
    let bed = try TestBed()
    let shipped = try await bed.ruleSet("366-QD-TW-2025")
    #expect(shipped.quota?.text.hasPrefix("Số đảng viên Hoàn thành xuất sắc nhiệm vụ không vượt quá 20%") == true)

    var own = shipped
    own.id = "366-QD-TW-DUK"
    own.quota?.text = "Không quá 20% số đảng viên Hoàn thành tốt nhiệm vụ của chi bộ"
    let defined = try await bed.define(own)
    #expect(defined.quota?.text == "Không quá 20% số đảng viên Hoàn thành tốt nhiệm vụ của chi bộ")

    own.id = "366-QD-TW-DUK-2"
    own.quota?.text = ""
    let written = try await bed.define(own)
    #expect(written.quota?.text == "Số Hoàn thành xuất sắc nhiệm vụ không vượt quá 20,00% số Hoàn thành tốt nhiệm vụ trong cùng đơn vị")
  }
}

extension ClassificationEvaluation {
  /// Whether the evaluation is a person's.
  fileprivate var isPerson: Bool {
    if case .person? = subject { return true }
    return false
  }
}
