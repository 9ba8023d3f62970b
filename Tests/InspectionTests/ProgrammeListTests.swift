import GRPCCore
import ReformModule
import ReformModuleTesting
import ReformWire
import Testing

@Suite("Reading and listing programmes")
struct ProgrammeListTests {
  @Test func programmesArePagedInOrderWithFiltersAndATotal() async throws {
    let module = try Harness()
    for owner in ["DUK", "DUK", "DBCS-01"] {
      _ = try await module.call(InspectionService.Plan.self, planRequest(smallInput(), owner: owner))
    }
    var input2027 = smallInput()
    input2027.year = 2027
    input2027.visitsDue = input2027.visitsDue.map { due in
      var due = due
      due.window = nil
      return due
    }
    _ = try await module.call(InspectionService.Plan.self, planRequest(input2027, owner: "DUK"))

    let first = try await module.call(InspectionService.ListProgrammes.self, .init(page: .init(pageSize: 2)))
    #expect(first.programmes.map(\.programmeId) == ["KTGS-2026-0001", "KTGS-2026-0002"])
    #expect(first.page?.totalCount == 4)
    let token = try #require(first.page?.nextPageToken)
    #expect(!token.isEmpty)
    let second = try await module.call(
      InspectionService.ListProgrammes.self, .init(page: .init(pageSize: 2, pageToken: token)))
    #expect(second.programmes.map(\.programmeId) == ["KTGS-2026-0003", "KTGS-2027-0001"])
    #expect(second.page?.nextPageToken == "")

    let summary = try #require(first.programmes.first)
    #expect(summary.version == 1 && summary.visitCount == 6 && summary.unplacedCount == 0)
    #expect(summary.name == "Chương trình thử" && summary.createdBy == "ktv-01" && summary.year == 2026)

    let ownerAndYear = try await module.call(
      InspectionService.ListProgrammes.self, .init(ownerUnitCode: "DUK", year: 2026))
    #expect(ownerAndYear.programmes.map(\.programmeId) == ["KTGS-2026-0001", "KTGS-2026-0002"])
    let latest = try await module.call(InspectionService.GetProgramme.self, .init(ownerUnitCode: "DUK", year: 2026))
    #expect(latest.programmeId == "KTGS-2026-0002")
  }

  @Test func pagingAndReadingRefuseWhatTheyCannotServe() async throws {
    let module = try Harness()
    await expectRPCError(.invalidArgument, field: "page.page_token") {
      _ = try await module.call(InspectionService.ListProgrammes.self, .init(page: .init(pageToken: "zz-not-ours")))
    }
    await expectRPCError(.invalidArgument, field: "page.page_size") {
      _ = try await module.call(InspectionService.ListProgrammes.self, .init(page: .init(pageSize: -1)))
    }
    await expectRPCError(.invalidArgument, field: "year") {
      _ = try await module.call(InspectionService.ListProgrammes.self, .init(year: -2026))
    }
    await expectRPCError(.invalidArgument, field: "programme_id") {
      _ = try await module.call(InspectionService.GetProgramme.self, .init())
    }
    await expectRPCError(.notFound, field: "programme_id") {
      _ = try await module.call(InspectionService.GetProgramme.self, .init(programmeId: "KTGS-2026-0001"))
    }
    await expectRPCError(.notFound, field: "owner_unit_code") {
      _ = try await module.call(InspectionService.GetProgramme.self, .init(ownerUnitCode: "DUK", year: 2026))
    }
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    await expectRPCError(.notFound, field: "version") {
      _ = try await module.call(
        InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId, version: 2))
    }
    await expectRPCError(.invalidArgument, field: "version") {
      _ = try await module.call(
        InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId, version: -1))
    }
    // A page larger than the limit is served at the limit.
    let all = try await module.call(InspectionService.ListProgrammes.self, .init(page: .init(pageSize: 50_000)))
    #expect(all.programmes.count == 1)
  }

  @Test func programmesSurviveReopeningTheModuleOnTheSameFile() async throws {
    let module = try Harness()
    let planned = try #require(try await module.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    let reopened = try module.reopened()
    let read = try await reopened.call(InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId))
    #expect(read == planned)
    // Numbering goes on after a restart.
    let next = try await reopened.call(InspectionService.Plan.self, planRequest(smallInput()))
    #expect(next.programme?.programmeId == "KTGS-2026-0002")
  }
}
