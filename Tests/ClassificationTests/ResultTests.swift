import Foundation
import GRPCCore
import ReformWire
import Testing

@Suite("ListResults, Explain, Summary and ExportCsv")
struct ResultTests {
  /// CB1 with its leader P1 (HTXSNV), P2 (HTXSNV, demoted by the quota: five HTTNV allow
  /// one), P3–P7 (HTTNV) and P8 (KHTNV); CB3 with P9, disciplined in the year; all final for
  /// 2025.
  static func ratedBloc() async throws -> TestBed {
    let bed = try TestBed()
    let good = (3...7).map { Sample.member("P\($0)", unit: "CB1", total: 8_000) }
    try await bed.submit(
      [Sample.member("P1", unit: "CB1", total: 9_500, leads: "CB1"), Sample.member("P2", unit: "CB1", total: 9_200)] + good
        + [
          Sample.member("P8", unit: "CB1", total: 4_000),
          Sample.member("P9", unit: "CB3", total: 7_000, discipline: [Sample.reprimand("KL-9")]),
        ],
      collectives: [Sample.collective("CB1", leaders: ["P1"]), Sample.collective("CB3")])
    _ = try await bed.run(mode: .final)
    return bed
  }

  @Test("ListResults gives the year's current final ratings by unit then subject, filtered and paged")
  func listResults() async throws {
    let bed = try await Self.ratedBloc()
    let all = try await bed.results()
    #expect(all.map(\.subjectId) == ["CB1", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "CB3", "P9"])
    #expect(all.allSatisfy { $0.locked && $0.ruleSetId == "366-QD-TW-2025" && $0.ratedAt != nil })
    #expect(all.first { $0.subjectId == "P8" }?.level == .khtnv)
    #expect(all.first { $0.subjectId == "P9" }?.level == .khtnv, "disciplined in the year")

    let excellent = try await bed.call(
      ClassificationService.ListResults.self,
      ClassificationListResultsRequest(year: Sample.year, subjectKinds: [.partyMember], levels: [.htxsnv]))
    #expect(excellent.ratings.map(\.subjectId) == ["P1"])
    #expect(excellent.ratings.first?.checks == [], "checks only when asked for")
    let demoted = try await bed.call(
      ClassificationService.ListResults.self, ClassificationListResultsRequest(year: Sample.year, quotaDemotedOnly: true))
    #expect(demoted.ratings.map(\.subjectId) == ["P2"])

    var request = ClassificationListResultsRequest(page: PageRequest(pageSize: 4), year: Sample.year)
    var pages: [[String]] = []
    while pages.count < 10 {
      let page = try await bed.call(ClassificationService.ListResults.self, request)
      pages.append(page.ratings.map(\.subjectId))
      #expect(page.page?.totalCount == 11)
      guard let token = page.page?.nextPageToken, !token.isEmpty else { break }
      request.page = PageRequest(pageSize: 4, pageToken: token)
    }
    #expect(pages == [["CB1", "P1", "P2", "P3"], ["P4", "P5", "P6", "P7"], ["P8", "CB3", "P9"]])
  }

  @Test("Explain gives every rule, held or failed, with its source, the inputs, and the prose")
  func explain() async throws {
    let bed = try await Self.ratedBloc()
    let response = try await bed.call(
      ClassificationService.Explain.self,
      ClassificationExplainRequest(subjectKind: .partyMember, subjectId: "P9", year: Sample.year))
    let rating = try #require(response.rating)
    #expect(rating.level == .khtnv)
    #expect(rating.checks.count == 14, "every rule of 366-QĐ/TW, applicable or not")
    let discipline = try #require(rating.checks.first { $0.ruleId == "366.discipline" })
    #expect(discipline.outcome == .failed)
    #expect(discipline.source?.document == "Quy định 366-QĐ/TW")
    #expect(discipline.detail.contains("KL-9"))
    #expect(discipline.levelAfter == .khtnv)
    #expect(rating.checks.contains { $0.outcome == .notApplicable })
    guard case .person(let input)? = response.input else { throw TestFailure("no input") }
    #expect(input.personId == "P9")
    #expect(input.discipline.first?.id == "KL-9")
    #expect(response.narrative.contains("366.discipline (Quy định 366-QĐ/TW, Điều 11, khoản 4)"))
    #expect(response.narrative.hasSuffix("Kết quả: Không hoàn thành nhiệm vụ"))
  }

  @Test("Explain shows a quota demotion with its tie-break, and the collective a leader leads")
  func explainDemotionAndLeader() async throws {
    let bed = try await Self.ratedBloc()
    let demoted = try await bed.call(
      ClassificationService.Explain.self,
      ClassificationExplainRequest(subjectKind: .partyMember, subjectId: "P2", year: Sample.year))
    let demotion = try #require(demoted.rating?.quotaDemotion)
    #expect(demotion.ruleId == "366.quota")
    #expect(demotion.fromLevel == .htxsnv && demotion.toLevel == .httnv)
    #expect(demotion.decidedBy == .totalScore)
    #expect(demotion.demotionOrder == 1)
    #expect(demotion.reason.contains("CB1"))
    #expect(demoted.narrative.contains("366.quota"))

    let leader = try await bed.call(
      ClassificationService.Explain.self,
      ClassificationExplainRequest(subjectKind: .partyMember, subjectId: "P1", year: Sample.year))
    #expect(leader.ledCollectives.map(\.subjectId) == ["CB1"])
    #expect(leader.rating?.checks.first { $0.ruleId == "366.leader.collective_level" }?.outcome == .held)
  }

  @Test("Explain of a subject never rated is NOT_FOUND; a clerk of another unit is refused")
  func explainRefusals() async throws {
    let bed = try await Self.ratedBloc()
    let missing = await status {
      try await bed.call(
        ClassificationService.Explain.self,
        ClassificationExplainRequest(subjectKind: .partyMember, subjectId: "NOBODY", year: Sample.year))
    }
    #expect(missing?.code == .notFound)
    let noKind = await status {
      try await bed.call(ClassificationService.Explain.self, ClassificationExplainRequest(subjectId: "P1", year: Sample.year))
    }
    #expect(noKind?.message.hasPrefix("subject_kind:") == true)
    let denied = await status {
      try await bed.call(
        ClassificationService.Explain.self,
        ClassificationExplainRequest(subjectKind: .partyMember, subjectId: "P9", year: Sample.year), as: TestBed.clerk("DB1"))
    }
    #expect(denied?.code == .permissionDenied)
    let own = try await bed.call(
      ClassificationService.Explain.self,
      ClassificationExplainRequest(subjectKind: .partyMember, subjectId: "P1", year: Sample.year), as: TestBed.clerk("DB1"))
    #expect(own.rating?.subjectId == "P1")
  }

  @Test("a clerk's ListResults covers their own subtree; another unit is PERMISSION_DENIED")
  func clerkResults() async throws {
    let bed = try await Self.ratedBloc()
    let own = try await bed.call(
      ClassificationService.ListResults.self, ClassificationListResultsRequest(year: Sample.year), as: TestBed.clerk("DB2"))
    #expect(own.ratings.map(\.subjectId) == ["CB3", "P9"])
    let error = await status {
      try await bed.call(
        ClassificationService.ListResults.self, ClassificationListResultsRequest(year: Sample.year, unitCode: "CB1"),
        as: TestBed.clerk("DB2"))
    }
    #expect(error?.code == .permissionDenied)
    #expect(error?.message.hasPrefix("unit_code:") == true)
  }

  @Test("a clerk's Summary and ExportCsv cover their own subtree; another unit is PERMISSION_DENIED")
  func clerkSummaryAndExport() async throws {
    let bed = try await Self.ratedBloc()
    let summary = try await bed.call(
      ClassificationService.Summary.self, ClassificationSummaryRequest(year: Sample.year, subjectKinds: [.partyMember]),
      as: TestBed.clerk("DB2"))
    #expect(summary.totals.map(\.unitCode) == ["DB2"])
    #expect(summary.totals.first?.ratedCount == 1)
    let chunks = try await bed.stream(
      ClassificationService.ExportCsv.self, ClassificationExportCsvRequest(year: Sample.year), as: TestBed.clerk("DB2"))
    #expect(chunks.reduce(0) { $0 + $1.rows } == 2)
    for unit in ["DB1", "CB1", "DUK"] {
      let summaryError = await status {
        try await bed.call(
          ClassificationService.Summary.self, ClassificationSummaryRequest(year: Sample.year, unitCode: unit),
          as: TestBed.clerk("DB2"))
      }
      #expect(summaryError?.code == .permissionDenied)
      let exportError = await status {
        try await bed.stream(
          ClassificationService.ExportCsv.self, ClassificationExportCsvRequest(year: Sample.year, unitCode: unit),
          as: TestBed.clerk("DB2"))
      }
      #expect(exportError?.code == .permissionDenied)
    }
  }

  @Test("Summary counts and shares per level over a subtree, per child unit, with the change from last year")
  func summary() async throws {
    let bed = try await Self.ratedBloc()
    try await bed.submit(
      [
        Sample.member("P1", unit: "CB1", total: 8_000, year: 2026), Sample.member("P2", unit: "CB1", total: 8_000, year: 2026),
        Sample.member("P9", unit: "CB3", total: 8_000, year: 2026),
      ])
    _ = try await bed.run(2026, mode: .final)
    let response = try await bed.call(
      ClassificationService.Summary.self,
      ClassificationSummaryRequest(year: 2026, unitCode: "DUK", subjectKinds: [.partyMember], byChildUnit: true))
    let total = try #require(response.totals.first)
    #expect(response.totals.count == 1)
    #expect(total.unitCode == "DUK")
    #expect(total.unitName == "Đảng ủy Khối")
    #expect(total.includesSubtree)
    #expect(total.ratedCount == 3)
    #expect(total.previousRatedCount == 9)
    let good = try #require(total.levels.first { $0.level == .httnv })
    #expect(good.count == 3)
    #expect(good.shareBasisPoints == 10_000)
    #expect(good.previousCount == 6)
    #expect(good.previousShareBasisPoints == 6_667)
    #expect(good.countChange == -3)
    #expect(good.shareChangeBasisPoints == 3_333)
    #expect(total.levels.map(\.level) == [.htxsnv, .httnv, .htnv, .khtnv])
    #expect(response.children.map(\.unitCode) == ["DB1", "DB2"])
    #expect(response.children.map(\.ratedCount) == [2, 1])
    #expect(response.children.first?.unitName == "Đảng bộ Sở Nội vụ")
  }

  @Test("ExportCsv streams the domain's CSV in pieces that end at line ends")
  func exportCsv() async throws {
    let bed = try await Self.ratedBloc()
    let chunks = try await bed.stream(
      ClassificationService.ExportCsv.self, ClassificationExportCsvRequest(year: Sample.year, unitCode: "DB1", withBom: true))
    let data = chunks.flatMap(\.data)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("\u{FEFF}subject_kind,subject_id,subject_name,unit_code"))
    #expect(chunks.allSatisfy { $0.data.suffix(2) == [13, 10] })
    #expect(chunks.reduce(0) { $0 + $1.rows } == 9)
    let lines = text.split(separator: "\r\n")
    #expect(lines.count == 10)
    #expect(lines[1].hasPrefix("COLLECTIVE,CB1,Chi bộ CB1,CB1,CB1,,2025,"))
    let p8 = try #require(lines.first { $0.hasPrefix("PARTY_MEMBER,P8,") })
    #expect(
      p8.hasSuffix(
        ",40.00,Không hoàn thành nhiệm vụ,Không hoàn thành nhiệm vụ,false,"
          + "366.d11.htxsnv.score|366.d11.httnv.score|366.d11.htnv.score,R2025-000001,true"))

    let empty = try await bed.stream(ClassificationService.ExportCsv.self, ClassificationExportCsvRequest(year: 2030))
    #expect(empty.count == 1)
    #expect(empty.first?.rows == 0)
    let header = String(decoding: empty.first?.data ?? [], as: UTF8.self)
    #expect(header.hasPrefix("subject_kind,"))
  }
}
