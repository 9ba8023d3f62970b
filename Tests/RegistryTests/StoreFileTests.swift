import Foundation
import GRPCCore
import ReformModuleTesting
import ReformWire
@testable import Registry
import Testing

/// The registry's file as releases leave it: what it records of its schema, and answers kept
/// for repeated requests, read again by a module opened on it later.
@Suite("The registry's file")
struct StoreFileTests {
  @Test func migrationsKeepTheIDsReleasedFilesRecord() {
    // A file records the ids of the migrations applied to it: these are the ones every
    // released file holds, so such a file opens with nothing applied twice.
    #expect(
      RegistryMigrations.all.ids == [
        "registry.v1.revisions", "registry.v1.units", "registry.v1.people", "registry.v1.indicators",
        "registry.v1.idempotency", "registry.v2.value-changes",
      ])
    #expect(RegistryMigrations.all.renamed.isEmpty)
  }

  @Test func anAnswerKeptBeforeARestartIsGivenAgainAndItsKeyStillRefusesAnotherRequest() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let request = CreateUnitRequest(
      unit: OrgUnit(
        code: "CBCS-R", name: "Chi bộ khởi động lại", kind: .grassrootsCell, parentCode: "DUK",
        opened: CalendarDate(year: 2024, month: 1, day: 1)),
      idempotencyKey: "create-r")
    let first = try await registry.call(RegistryService.CreateUnit.self, request)
    let reopened = try registry.reopened()
    #expect(try await reopened.call(RegistryService.CreateUnit.self, request) == first)
    var other = request
    other.unit?.name = "Chi bộ khác"
    await expectRPCError(.alreadyExists, field: "idempotency_key") {
      try await reopened.call(RegistryService.CreateUnit.self, other)
    }
    // A key belongs to its caller: another caller's request under it is a new request.
    var another = request
    another.unit?.code = "CBCS-R2"
    let secondAdmin = Principal(id: "admin-2", displayName: "Quản trị 2", roles: [.admin])
    let created = try await reopened.call(RegistryService.CreateUnit.self, another, as: secondAdmin)
    #expect(created != first)
  }

  @Test func aPageTokenOfOneListIsRefusedByAnother() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let units = try await registry.call(RegistryService.ListUnits.self, ListUnitsRequest(page: PageRequest(pageSize: 2)))
    let token = try #require(units.page?.nextPageToken)
    #expect(!token.isEmpty)
    await expectRPCError(.invalidArgument, field: "page.page_token") {
      try await registry.call(RegistryService.ListPeople.self, ListPeopleRequest(page: PageRequest(pageSize: 2, pageToken: token)))
    }
    await expectRPCError(.invalidArgument, field: "page.page_token") {
      try await registry.call(
        RegistryService.ListUnits.self, ListUnitsRequest(page: PageRequest(pageSize: 2, pageToken: String(token.dropLast(2)))))
    }
  }
}
