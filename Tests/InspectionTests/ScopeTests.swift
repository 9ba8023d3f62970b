import GRPCCore
import ReformModule
import ReformWire
import Testing

/// The access policy admits no clerk to the inspection service today; should a grant for a
/// clerk's own unit be added, the coordinator sets `ownUnitLimit` and these checks hold.
@Suite("Unit scope")
struct ScopeTests {
  @Test func aClerkOfAnotherUnitIsRefusedBeforeAnythingElse() async throws {
    let module = try Harness()
    let clerk = JobContext.clerk(of: "DBCS-02")
    // Refused even when the request is invalid: the scope is checked first.
    var invalid = planRequest(smallInput(), owner: "DBCS-01")
    invalid.input?.year = 0
    await expectFailure(.permissionDenied, field: "owner_unit_code") {
      _ = try await module.call(InspectionService.Plan.self, invalid, as: clerk)
    }
    await expectFailure(.permissionDenied, field: "unit_codes[1]") {
      _ = try await module.call(
        InspectionService.ComputeRisk.self, .init(unitCodes: ["DBCS-02", "DBCS-01"]), as: clerk)
    }
    #expect(try await module.call(InspectionService.ListProgrammes.self, .init()).page?.totalCount == 0)
  }

  @Test func aClerkReadsOnlyTheirOwnUnitsProgrammes() async throws {
    let module = try Harness()
    let theirs = try #require(
      try await module.call(InspectionService.Plan.self, planRequest(smallInput(), owner: "DBCS-02")).programme)
    let other = try #require(
      try await module.call(InspectionService.Plan.self, planRequest(smallInput(), owner: "DBCS-01")).programme)
    let clerk = JobContext.clerk(of: "DBCS-02")

    let own = try await module.call(
      InspectionService.GetProgramme.self, .init(programmeId: theirs.programmeId), as: clerk)
    #expect(own == theirs)
    await expectFailure(.permissionDenied, field: "programme_id") {
      _ = try await module.call(InspectionService.GetProgramme.self, .init(programmeId: other.programmeId), as: clerk)
    }
    await expectFailure(.permissionDenied, field: "owner_unit_code") {
      _ = try await module.call(
        InspectionService.GetProgramme.self, .init(ownerUnitCode: "DBCS-01", year: 2026), as: clerk)
    }
    await expectFailure(.permissionDenied, field: "programme_id") {
      _ = try await module.call(
        InspectionService.ExportProgramme.self, .init(programmeId: other.programmeId, format: .csv), as: clerk)
    }
    await expectFailure(.permissionDenied, field: "programme_id") {
      _ = try await module.call(
        InspectionService.Replan.self,
        .init(
          programmeId: other.programmeId, baseVersion: 1,
          changes: [InspectionChange(change: .visitCancelled(.init(visitId: "DBCS-01-1")))]), as: clerk)
    }
    await expectFailure(.permissionDenied, field: "owner_unit_code") {
      _ = try await module.call(InspectionService.ListProgrammes.self, .init(ownerUnitCode: "DBCS-01"), as: clerk)
    }
    let listed = try await module.call(InspectionService.ListProgrammes.self, .init(), as: clerk)
    #expect(listed.programmes.map(\.programmeId) == [theirs.programmeId])
    #expect(try await module.call(InspectionService.GetProgramme.self, .init(programmeId: other.programmeId)) == other)
  }
}
