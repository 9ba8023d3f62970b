import Foundation
import GRPCCore
import ReformWire
import Registry
import Testing

@Suite("People calls")
struct PersonCallTests {
  @Test func createPersonAssignsAnIdAndGetPersonReadsItBack() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let created = try await registry.call(
      RegistryService.CreatePerson.self,
      CreatePersonRequest(
        person: Person(
          fullName: "  Vàng Thị Dung ", categories: [.publicEmployee],
          partyMembership: PartyMembership(status: .probationary, admitted: CalendarDate(year: 2025, month: 3, day: 1)), unitCode: "CBCS-B")))
    let id = created.person?.id ?? ""
    #expect(id.hasPrefix("NV"))
    #expect(created.person?.fullName == "Vàng Thị Dung")
    let read = try await registry.call(RegistryService.GetPerson.self, GetPersonRequest(id: id))
    #expect(read.person == created.person)
  }

  @Test func createPersonNamesTheFieldOfAMembershipThatDoesNotHold() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let error = await status {
      try await registry.call(
        RegistryService.CreatePerson.self,
        CreatePersonRequest(
          person: Person(
            id: "P9", fullName: "Hà Văn Em",
            partyMembership: PartyMembership(status: .official, admitted: CalendarDate(year: 2020, month: 1, day: 1)), unitCode: "CBCS-B")))
    }
    #expect(error?.code == .invalidArgument)
    #expect(error?.message.hasPrefix("person.party_membership.official:") == true)
    let missing = await status { try await registry.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P9")) }
    #expect(missing?.code == .notFound)
  }

  @Test func updatePersonChangesOnlyTheNamedFieldsAndKeepsStudies() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let updated = try await registry.call(
      RegistryService.UpdatePerson.self,
      UpdatePersonRequest(person: Person(id: "P2", position: "Chuyên viên"), updateFields: ["position"], expectedRevision: 2))
    #expect(updated.person?.position == "Chuyên viên")
    #expect(updated.person?.fullName == "Lò Thị Bình")
    #expect(updated.person?.studies.count == 1)
    #expect(updated.person?.revision == 3)
    let unknown = await status {
      try await registry.call(RegistryService.UpdatePerson.self, UpdatePersonRequest(person: Person(id: "P2"), updateFields: ["salary"]))
    }
    #expect(unknown?.message.hasPrefix("update_fields[0]:") == true)
  }

  @Test func listPeopleFiltersByLeadershipStudyAndName() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let leaders = try await registry.call(RegistryService.ListPeople.self, ListPeopleRequest(leaderOrManager: .yes))
    #expect(leaders.people.map(\.id) == ["P3", "P1"])
    let notStudied = try await registry.call(RegistryService.ListPeople.self, ListPeopleRequest(studied: .no))
    #expect(notStudied.people.map(\.id) == ["P3"])
    let named = try await registry.call(RegistryService.ListPeople.self, ListPeopleRequest(subtreeCode: "DBCS-A", nameQuery: "binh"))
    #expect(named.people.map(\.id) == ["P2"])
    let members = try await registry.call(RegistryService.ListPeople.self, ListPeopleRequest(membership: .official))
    #expect(members.people.map(\.id) == ["P1"])
  }

  @Test func recordReformStudiesForAUnitRecordsEachPersonOnce() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let request = RecordReformStudiesRequest(
      document: ReformWire.SourceRef(document: "01-NQ/ĐUK"), studied: CalendarDate(year: 2024, month: 5, day: 10), form: "Trực tuyến",
      unitCode: "DUK")
    let first = try await registry.call(RegistryService.RecordReformStudies.self, request)
    #expect(first.recorded == 3)
    let again = try await registry.call(RegistryService.RecordReformStudies.self, request)
    #expect(again.recorded == 0)
    #expect(again.alreadyRecorded == 3)
    let unknown = await status {
      try await registry.call(
        RegistryService.RecordReformStudies.self,
        RecordReformStudiesRequest(
          document: ReformWire.SourceRef(document: "01-NQ/ĐUK"), studied: CalendarDate(year: 2024, month: 5, day: 11), personIds: ["P1", "P404"]))
    }
    #expect(unknown?.code == .notFound)
    #expect(unknown?.message.hasPrefix("person_ids[1]:") == true)
    let p1 = try await registry.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P1"))
    #expect(p1.person?.studies.count == 2)
  }
}
