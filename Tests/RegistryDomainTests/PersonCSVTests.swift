import ReformKit
import Testing
@testable import RegistryDomain

@Suite("People and study records CSV")
struct PersonCSVTests {
  @Test func peopleAndTheirStudiesSurviveARoundTrip() throws {
    let tree = try Fixtures.tree()
    var leader = Fixtures.person("NV1", unit: "DBCS-A-01", leader: true, theory: .bachelor, required: .advanced, studied: CivilDate(2021, 3, 5))
    leader.position = "Phó Giám đốc Sở"
    leader.gender = .female
    leader.birthDate = CivilDate(1975, 2, 28)
    leader.ethnicity = "Thái"
    leader.categories = [.cadre, .civilServant]
    leader.partyMembership = PartyMembership(
      status: .official, admitted: CivilDate(2000, 5, 19), official: CivilDate(2001, 5, 19), cardNumber: "12345678")
    leader.note = "Ghi chú, có dấu phẩy và \"ngoặc\""
    var member = Fixtures.person("NV2", unit: "CBCS-B", departed: CivilDate(2024, 9, 1))
    member.partyMembership = PartyMembership(
      status: .official, admitted: CivilDate(2010, 1, 2), official: CivilDate(2011, 1, 2), left: CivilDate(2024, 9, 1),
      leftReason: "chuyển sinh hoạt đảng")
    var roster = PersonRoster()
    try roster.add(leader, in: tree)
    try roster.add(member, in: tree)

    let people = try PersonCSV.importPeople(PersonCSV.export(roster.people), roster: PersonRoster(), tree: tree)
    var fresh = PersonRoster()
    for person in people.people { try fresh.add(person, in: tree) }
    let studies = try StudyCSV.importStudies(StudyCSV.export(roster.people), roster: fresh)
    #expect(studies.roster.people == roster.people)
    #expect(PersonCSV.export(studies.roster.people) == PersonCSV.export(roster.people))
  }

  @Test func aNewPersonInAClosedUnitIsRefusedOnTheUnitColumn() throws {
    var tree = try Fixtures.tree()
    try tree.close("CBCS-B", on: CivilDate(2024, 1, 1), stamp: Fixtures.stamp)
    let csv = "id,full_name,categories,unit_code\nNV9,Lò Thị Ín,WORKER,CBCS-B\n"
    let failure = #expect(throws: CSVImportFailure.self) {
      try PersonCSV.importPeople(csv, roster: PersonRoster(), tree: tree)
    }
    #expect(failure?.errors.map { "\($0.line):\($0.column):\($0.field)" } == ["2:4:unit_code"])
    #expect(failure?.errors.first?.kind == .failedPrecondition)
  }

  @Test func aDomainRuleIsReportedOnTheColumnItConcerns() throws {
    let csv = "id,full_name,categories,unit_code,party_status,admitted\nNV9,Giàng A Páo,CIVIL_SERVANT,CBCS-B,OFFICIAL,2019-04-30\n"
    let failure = #expect(throws: CSVImportFailure.self) {
      try PersonCSV.importPeople(csv, roster: PersonRoster(), tree: try Fixtures.tree())
    }
    #expect(failure?.errors.map(\.message).first?.contains("official") == true)
    // No `official` column: the problem is the whole line's.
    #expect(failure?.errors.map(\.column) == [0])
  }

  @Test func aLongFileCheckedOnEveryCoreKeepsFileOrderInItsPeopleAndItsErrors() throws {
    let bloc = DemoBloc.generate(seed: 11, scale: DemoScale(grassrootsOrganisations: 10, subordinateCells: 20, people: 6_000))
    let imported = try PersonCSV.importPeople(bloc.peopleCSV, roster: PersonRoster(), tree: bloc.tree)
    #expect(imported.people.map(\.id) == bloc.people.map(\.id))
    #expect(imported.people.map(\.fullName) == bloc.people.map(\.fullName))
    #expect(imported.created == 6_000)
    // Problems of single rows in both halves, and ids repeated across them: each on its line,
    // in file order (line 2 is the first person).
    var people = bloc.people
    people[1].unitCode = "KHONG-CO"
    people[3_998].fullName = ""
    people[4_999].id = people[8].id
    people[5_999].id = people[0].id
    let failure = #expect(throws: CSVImportFailure.self) {
      try PersonCSV.importPeople(PersonCSV.export(people), roster: PersonRoster(), tree: bloc.tree)
    }
    #expect(failure?.errors.map { "\($0.line):\($0.field)" } == ["3:unit_code", "4000:full_name", "5001:id", "6001:id"])
  }

  @Test func theSameIdTwiceInAFileIsRefusedOnTheSecondLine() throws {
    let csv = "id,full_name,categories,unit_code\nNV9,Lò Văn Xuân,WORKER,CBCS-B\nNV9,Tòng Thị Phóng,WORKER,CBCS-B\n"
    let failure = #expect(throws: CSVImportFailure.self) {
      try PersonCSV.importPeople(csv, roster: PersonRoster(), tree: try Fixtures.tree())
    }
    #expect(failure?.errors.map { "\($0.line):\($0.field)" } == ["3:id"])
  }

  @Test func aStudyOfSomeoneNotOnTheRosterIsNotFound() throws {
    let csv = "person_id,document,studied\nNV404,01-NQ/ĐUK,2021-03-05\n"
    let failure = #expect(throws: CSVImportFailure.self) {
      try StudyCSV.importStudies(csv, roster: PersonRoster())
    }
    #expect(failure?.errors.first?.kind == .notFound)
    #expect(failure?.errors.first?.field == "person_id")
  }
}
