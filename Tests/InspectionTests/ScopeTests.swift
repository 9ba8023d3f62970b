import GRPCCore
import ReformModule
import ReformModuleTesting
import ReformWire
import Testing

/// The policy grants clerks their own unit for reading programmes (GetProgramme,
/// ListProgrammes, ExportProgramme): the coordinator sets `ownUnitLimit`, and a clerk reads the
/// programmes their unit owns, whole, and no other — a programme is the inspecting unit's
/// plan, naming inspectors and their leave, so it is refused rather than cut down to one
/// visited unit's visits. Every such read writes what it read into the audit note.
@Suite("Unit scope")
struct ScopeTests {
  @Test func aClerkOfAnotherUnitIsRefusedBeforeAnythingElse() async throws {
    let module = try Harness()
    let clerk = JobContext.clerk(of: "DBCS-02")
    // Refused even when the request is invalid: the scope is checked first.
    var invalid = planRequest(smallInput(), owner: "DBCS-01")
    invalid.input?.year = 0
    await expectRPCError(.permissionDenied, field: "owner_unit_code") {
      _ = try await module.call(InspectionService.Plan.self, invalid, as: clerk)
    }
    await expectRPCError(.permissionDenied, field: "unit_codes[1]") {
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
    await expectRPCError(.permissionDenied, field: "programme_id") {
      _ = try await module.call(InspectionService.GetProgramme.self, .init(programmeId: other.programmeId), as: clerk)
    }
    await expectRPCError(.permissionDenied, field: "owner_unit_code") {
      _ = try await module.call(
        InspectionService.GetProgramme.self, .init(ownerUnitCode: "DBCS-01", year: 2026), as: clerk)
    }
    await expectRPCError(.permissionDenied, field: "programme_id") {
      _ = try await module.call(
        InspectionService.ExportProgramme.self, .init(programmeId: other.programmeId, format: .csv), as: clerk)
    }
    await expectRPCError(.permissionDenied, field: "programme_id") {
      _ = try await module.call(
        InspectionService.Replan.self,
        .init(
          programmeId: other.programmeId, baseVersion: 1,
          changes: [InspectionChange(change: .visitCancelled(.init(visitId: "DBCS-01-1")))]), as: clerk)
    }
    await expectRPCError(.permissionDenied, field: "owner_unit_code") {
      _ = try await module.call(InspectionService.ListProgrammes.self, .init(ownerUnitCode: "DBCS-01"), as: clerk)
    }
    let listed = try await module.call(InspectionService.ListProgrammes.self, .init(), as: clerk)
    #expect(listed.programmes.map(\.programmeId) == [theirs.programmeId])
    #expect(try await module.call(InspectionService.GetProgramme.self, .init(programmeId: other.programmeId)) == other)
  }

  @Test func everyProgrammeReadNotesWhatWasReadForTheAuditLog() async throws {
    let module = try Harness()
    let programme = try #require(
      try await module.call(InspectionService.Plan.self, planRequest(smallInput(), owner: "DBCS-02")).programme)
    let get = JobContext.clerk(of: "DBCS-02")
    _ = try await module.call(InspectionService.GetProgramme.self, .init(programmeId: programme.programmeId), as: get)
    #expect(get.audit.value.target == "\(programme.programmeId) v1")
    #expect(get.audit.value.unit == "DBCS-02")
    let export = JobContext.clerk(of: "DBCS-02")
    _ = try await module.call(
      InspectionService.ExportProgramme.self, .init(programmeId: programme.programmeId, format: .csv), as: export)
    #expect(export.audit.value.target == "\(programme.programmeId) v1")
    let list = JobContext.clerk(of: "DBCS-02")
    _ = try await module.call(InspectionService.ListProgrammes.self, .init(), as: list)
    #expect(list.audit.value.target == "programmes")
    #expect(list.audit.value.unit == "DBCS-02")
  }
}
