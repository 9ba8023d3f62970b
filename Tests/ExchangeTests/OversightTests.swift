import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Testing

@Suite("Overdue list and counts for indicator 3a")
struct OversightTests {
  @Test func overdueCopiesAreListedPerUnitAndCounted() async throws {
    // Every copy arrives, and SNV completes its first, on 5 November 2026.
    let fifthOfNovember = Date(timeIntervalSince1970: 1_793_847_600)
    let bed = try await TestBed.make(clock: { fifthOfNovember })
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(number: "1"), as: Caller.clerk("DUK"))
    _ = try await bed.invoke(
      ExchangeService.Send.self,
      Sample.send(number: "2", due: CalendarDate(year: 2026, month: 10, day: 20)), as: Caller.clerk("DUK"))
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(number: "3", due: nil), as: Caller.clerk("DUK"))
    for code in [ExchangeNoticeCode.registered, .done] {
      _ = try await bed.invoke(
        ExchangeService.SendNotice.self,
        ExchangeSendNoticeRequest(documentId: "000.00.00.H41,2026/10/15,1/CV/ĐUK", code: code), as: Caller.clerk("SNV"))
    }
    let asOf = CalendarDate(year: 2026, month: 11, day: 10)
    let overdue = try await bed.invoke(
      ExchangeService.ListOverdue.self, ExchangeListOverdueRequest(asOf: asOf), as: Caller.inspector())
    #expect(overdue.items.map { $0.incoming?.delivery?.receiver?.unitCode } == ["SNV", "STC", "STC"])
    #expect(overdue.items.map(\.daysOverdue) == [21, 21, 10])
    #expect(overdue.totals == [ExchangeOverdueTotal(unitCode: "SNV", overdue: 1), ExchangeOverdueTotal(unitCode: "STC", overdue: 2)])
    let page = try await bed.invoke(
      ExchangeService.ListOverdue.self,
      ExchangeListOverdueRequest(page: PageRequest(pageSize: 2), unitCodes: ["STC"], asOf: asOf), as: Caller.inspector())
    #expect(page.items.map(\.daysOverdue) == [21, 10])
    #expect(page.totals.map(\.overdue) == [2])
    // Before the due dates nothing was overdue.
    let early = try await bed.invoke(
      ExchangeService.ListOverdue.self,
      ExchangeListOverdueRequest(asOf: CalendarDate(year: 2026, month: 10, day: 20)), as: Caller.inspector())
    #expect(early.items.isEmpty)

    let counts = try await bed.invoke(
      ExchangeService.CountDocuments.self,
      ExchangeCountDocumentsRequest(period: Period(type: .year, year: 2026)), as: Caller.inspector())
    let byUnit = Dictionary(uniqueKeysWithValues: counts.counts.map { ($0.unitCode, $0) })
    #expect(counts.counts.map(\.unitCode) == ["DUK", "SNV", "STC", "SYT"])
    #expect(byUnit["DUK"]?.sent == 3)
    #expect(byUnit["DUK"]?.organId == "000.00.00.H41")
    #expect(byUnit["SNV"]?.received == 3)
    #expect(byUnit["SNV"]?.completed == 1)
    #expect(byUnit["SNV"]?.overdue == 1)
    #expect(byUnit["STC"]?.overdue == 2)
    #expect(byUnit["SYT"] == ExchangeUnitCount(unitCode: "SYT", organId: "000.00.33.H41", period: Period(type: .year, year: 2026)))
    let lastYear = try await bed.invoke(
      ExchangeService.CountDocuments.self,
      ExchangeCountDocumentsRequest(period: Period(type: .quarter, year: 2026, index: 3), unitCodes: ["DUK"]),
      as: Caller.inspector())
    #expect(lastYear.counts.map(\.sent) == [0])
    for (period, field) in [
      (Period(type: .quarter, year: 2026, index: 5), "period.index"), (Period(type: .year, year: 0), "period.year"),
      (Period(type: .term, year: 2025, endYear: 2020), "period.end_year"), (Period(), "period.year"),
    ] {
      let error = await failure {
        try await bed.invoke(
          ExchangeService.CountDocuments.self, ExchangeCountDocumentsRequest(period: period), as: Caller.inspector())
      }
      #expect(error?.message.hasPrefix("\(field):") == true, "\(error?.message ?? "")")
    }
  }

  @Test func unitsNamedWithTheirOrganIdsAreCountedWithoutTheDirectory() async throws {
    // The registry sends each unit with its OrganId: a module whose directory knows no unit
    // still answers, with the OrganIds it was given.
    let bed = try await TestBed.make(units: [])
    let year = Period(type: .year, year: 2026)
    let counts = try await bed.invoke(
      ExchangeService.CountDocuments.self,
      ExchangeCountDocumentsRequest(
        period: year, units: [ExchangeOrgan(organId: "000.00.31.H41", unitCode: "SNV"), ExchangeOrgan(organId: "000.00.32.H41", unitCode: "STC")]),
      as: Caller.inspector())
    #expect(counts.counts == [
      ExchangeUnitCount(unitCode: "SNV", organId: "000.00.31.H41", period: year),
      ExchangeUnitCount(unitCode: "STC", organId: "000.00.32.H41", period: year),
    ])
    for (request, field) in [
      (ExchangeCountDocumentsRequest(period: year, unitCodes: ["SNV"], units: [ExchangeOrgan(organId: "000.00.31.H41", unitCode: "SNV")]), "unit_codes"),
      (ExchangeCountDocumentsRequest(period: year, units: [ExchangeOrgan(organId: "000.00.31.H41")]), "units[0].unit_code"),
      (ExchangeCountDocumentsRequest(period: year, units: [ExchangeOrgan(unitCode: "SNV")]), "units[0].organ_id"),
    ] {
      let error = await failure { try await bed.invoke(ExchangeService.CountDocuments.self, request, as: Caller.inspector()) }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.hasPrefix("\(field):") == true, "\(error?.message ?? "")")
    }
  }

  @Test func recalledCopiesCountOnlyAsRecalled() async throws {
    let bed = try await TestBed.make()
    _ = try await bed.invoke(ExchangeService.Send.self, Sample.send(receivers: [Sample.homeAffairs]), as: Caller.clerk("DUK"))
    let documentId = "000.00.00.H41,2026/10/15,125/CV/ĐUK"
    _ = try await bed.invoke(
      ExchangeService.Recall.self, ExchangeRecallRequest(documentId: documentId, reason: "Sai"), as: Caller.clerk("DUK"))
    _ = try await bed.invoke(
      ExchangeService.SendNotice.self, ExchangeSendNoticeRequest(documentId: documentId, code: .recallAgreed),
      as: Caller.clerk("SNV"))
    let counts = try await bed.invoke(
      ExchangeService.CountDocuments.self,
      ExchangeCountDocumentsRequest(
        period: Period(type: .month, year: Sample.today.year, index: Sample.today.month), unitCodes: ["SNV"]),
      as: Caller.inspector())
    #expect(counts.counts.first?.received == 0)
    #expect(counts.counts.first?.recalled == 1)
    #expect(counts.counts.first?.overdue == 0)
  }
}
