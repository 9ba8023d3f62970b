import Foundation
import GRPCCore
import ReformWire
import Registry
import Testing

@Suite("Unit calls")
struct UnitCallTests {
  @Test func createUnitReturnsTheUnitWithItsPlaceInTheTree() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let created = try await registry.call(
      RegistryService.CreateUnit.self,
      CreateUnitRequest(
        unit: OrgUnit(
          code: "DBCS-A-03", name: "Chi bộ Phòng Tổ chức", kind: .subordinateCell, parentCode: "DBCS-A",
          opened: CalendarDate(year: 2024, month: 1, day: 2))))
    #expect(created.unit?.ancestorCodes == ["DUK", "DBCS-A"])
    #expect(created.unit?.depth == 2)
    #expect(created.unit?.revision == 1)
    let read = try await registry.call(RegistryService.GetUnit.self, GetUnitRequest(code: "DBCS-A-03", includeHistory: true))
    #expect(read.history.map(\.change) == [.created])
  }

  @Test func createUnitUnderAnUnknownParentNamesTheField() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let error = await status {
      try await registry.call(
        RegistryService.CreateUnit.self,
        CreateUnitRequest(unit: OrgUnit(code: "X", name: "X", kind: .grassrootsCell, parentCode: "NOPE", opened: CalendarDate(year: 2024, month: 1, day: 1))))
    }
    #expect(error?.code == .notFound)
    #expect(error?.message.hasPrefix("unit.parent_code:") == true)
  }

  @Test func createUnitWithoutKindOrWithAnImpossibleDateIsInvalid() async throws {
    let registry = try RegistryHarness()
    let noKind = await status {
      try await registry.call(
        RegistryService.CreateUnit.self, CreateUnitRequest(unit: OrgUnit(code: "DUK", name: "Khối", opened: CalendarDate(year: 2004, month: 6, day: 1))))
    }
    #expect(noKind?.code == .invalidArgument)
    #expect(noKind?.message.hasPrefix("unit.kind:") == true)
    let badDate = await status {
      try await registry.call(
        RegistryService.CreateUnit.self,
        CreateUnitRequest(unit: OrgUnit(code: "DUK", name: "Khối", kind: .blocCommittee, opened: CalendarDate(year: 0, month: 2, day: 30))))
    }
    #expect(badDate?.code == .invalidArgument)
    #expect(badDate?.message.hasPrefix("unit.opened:") == true)
    let huge = await status {
      try await registry.call(
        RegistryService.CreateUnit.self,
        CreateUnitRequest(
          unit: OrgUnit(
            code: "DUK", name: String(repeating: "Đ", count: 1_000_000), kind: .blocCommittee, opened: CalendarDate(year: 2004, month: 6, day: 1))))
    }
    #expect(huge?.code == .invalidArgument)
    #expect(huge?.message.hasPrefix("unit.name:") == true)
    let units = try await registry.call(RegistryService.ListUnits.self, ListUnitsRequest())
    #expect(units.units.isEmpty)
  }

  @Test func aRepeatedCreateWithTheSameKeyReturnsTheFirstAnswerAndWritesNothing() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let request = CreateUnitRequest(
      unit: OrgUnit(code: "CBCS-N", name: "Chi bộ mới", kind: .grassrootsCell, parentCode: "DUK", opened: CalendarDate(year: 2024, month: 1, day: 1)),
      idempotencyKey: "create-n")
    let first = try await registry.call(RegistryService.CreateUnit.self, request)
    let again = try await registry.call(RegistryService.CreateUnit.self, request)
    #expect(first == again)
    let history = try await registry.call(RegistryService.ListUnitHistory.self, ListUnitHistoryRequest(unitCode: "CBCS-N"))
    #expect(history.entries.count == 1)
    var other = request
    other.unit?.name = "Chi bộ khác"
    let conflict = await status { try await registry.call(RegistryService.CreateUnit.self, other) }
    #expect(conflict?.code == .alreadyExists)
    #expect(conflict?.message.hasPrefix("idempotency_key:") == true)
  }

  @Test func updateUnitRenamesRecordsTheChangeAndRefusesAStaleRevision() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let renamed = try await registry.call(
      RegistryService.UpdateUnit.self,
      UpdateUnitRequest(
        unit: OrgUnit(code: "CBCS-B", name: "Chi bộ Ban Dân tộc và Tôn giáo"), updateFields: ["name"], expectedRevision: 1,
        reason: "Đổi tên theo quyết định"))
    #expect(renamed.unit?.name == "Chi bộ Ban Dân tộc và Tôn giáo")
    #expect(renamed.unit?.revision == 2)
    #expect(renamed.unit?.kind == .grassrootsCell)
    let stale = await status {
      try await registry.call(
        RegistryService.UpdateUnit.self, UpdateUnitRequest(unit: OrgUnit(code: "CBCS-B", name: "Khác"), updateFields: ["name"], expectedRevision: 1))
    }
    #expect(stale?.code == .failedPrecondition)
    #expect(stale?.message.hasPrefix("expected_revision:") == true)
    let parent = await status {
      try await registry.call(RegistryService.UpdateUnit.self, UpdateUnitRequest(unit: OrgUnit(code: "CBCS-B", parentCode: "DBCS-A"), updateFields: ["parent_code"]))
    }
    #expect(parent?.code == .invalidArgument)
    #expect(parent?.message.hasPrefix("update_fields[0]:") == true)
    let history = try await registry.call(RegistryService.GetUnit.self, GetUnitRequest(code: "CBCS-B", includeHistory: true))
    #expect(history.history.map(\.change) == [.created, .renamed])
    #expect(history.history.last?.reason == "Đổi tên theo quyết định")
  }

  @Test func moveUnitKeepsTheHistoryAndRefusesACycle() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let moved = try await registry.call(
      RegistryService.MoveUnit.self,
      MoveUnitRequest(code: "DBCS-A-02", newParentCode: "DBCS-C", effective: CalendarDate(year: 2024, month: 7, day: 1), reason: "Điều chuyển"))
    #expect(moved.unit?.parentCode == "DBCS-C")
    #expect(moved.entry?.fromParentCode == "DBCS-A")
    #expect(moved.entry?.toParentCode == "DBCS-C")
    let cycle = await status {
      try await registry.call(RegistryService.MoveUnit.self, MoveUnitRequest(code: "DBCS-A", newParentCode: "DBCS-A-01"))
    }
    #expect(cycle?.code == .failedPrecondition)
    #expect(cycle?.message.hasPrefix("new_parent_code:") == true)
    // As the tree stood before the move, the cell was under DBCS-A.
    let before = try await registry.call(
      RegistryService.ListUnits.self, ListUnitsRequest(parentCode: "DBCS-A", openOn: CalendarDate(year: 2024, month: 1, day: 1)))
    #expect(before.units.map(\.code) == ["DBCS-A-01", "DBCS-A-02"])
    let now = try await registry.call(RegistryService.ListUnits.self, ListUnitsRequest(parentCode: "DBCS-A"))
    #expect(now.units.map(\.code) == ["DBCS-A-01"])
  }

  @Test func closeUnitRefusesWhilePeopleRemainAndTransfersThemWhenAsked() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let refused = await status {
      try await registry.call(RegistryService.CloseUnit.self, CloseUnitRequest(code: "DBCS-A-01", closed: CalendarDate(year: 2025, month: 1, day: 1)))
    }
    #expect(refused?.code == .failedPrecondition)
    let closed = try await registry.call(
      RegistryService.CloseUnit.self,
      CloseUnitRequest(
        code: "DBCS-A-01", closed: CalendarDate(year: 2025, month: 1, day: 1), successorCode: "DBCS-A-02", transferPeopleToCode: "DBCS-A-02",
        reason: "Sáp nhập"))
    #expect(closed.peopleTransferred == 2)
    #expect(closed.entry?.change == .closed)
    #expect(closed.unit?.successorCode == "DBCS-A-02")
    let person = try await registry.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P1"))
    #expect(person.person?.unitCode == "DBCS-A-02")
    let joining = await status {
      try await registry.call(
        RegistryService.UpdatePerson.self, UpdatePersonRequest(person: Person(id: "P1", unitCode: "DBCS-A-01"), updateFields: ["unit_code"]))
    }
    #expect(joining?.code == .failedPrecondition)
    #expect(joining?.message.hasPrefix("person.unit_code:") == true)
  }

  @Test func listUnitsFindsNamesWithoutMarksAndPagesWithTokens() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let found = try await registry.call(RegistryService.ListUnits.self, ListUnitsRequest(nameQuery: "so noi vu"))
    #expect(found.units.map(\.code) == ["DBCS-A", "DBCS-A-01", "DBCS-A-02"])
    let first = try await registry.call(RegistryService.ListUnits.self, ListUnitsRequest(page: PageRequest(pageSize: 4)))
    #expect(first.units.map(\.code) == ["DUK", "CBCS-B", "DBCS-A", "DBCS-A-01"])
    #expect(first.page?.totalCount == 6)
    let second = try await registry.call(
      RegistryService.ListUnits.self, ListUnitsRequest(page: PageRequest(pageSize: 4, pageToken: first.page?.nextPageToken ?? "")))
    #expect(second.units.map(\.code) == ["DBCS-A-02", "DBCS-C"])
    #expect(second.page?.nextPageToken == "")
    let foreign = await status {
      try await registry.call(
        RegistryService.ListUnits.self, ListUnitsRequest(page: PageRequest(pageSize: 4, pageToken: first.page?.nextPageToken ?? ""), nameQuery: "x"))
    }
    #expect(foreign?.code == .invalidArgument)
    let negative = await status { try await registry.call(RegistryService.ListUnits.self, ListUnitsRequest(page: PageRequest(pageSize: -1))) }
    #expect(negative?.message.hasPrefix("page.page_size:") == true)
  }
}
