import ReformKit
import Testing
@testable import RegistryDomain

@Suite("People")
struct PersonTests {
  @Test func aClosedUnitTakesNoNewPeople() throws {
    var tree = try Fixtures.tree()
    try tree.close("CBCS-B", on: CivilDate(2024, 1, 1), stamp: Fixtures.stamp)
    var roster = PersonRoster()
    let error = #expect(throws: PersonError.self) {
      try roster.add(Fixtures.person("NV1", unit: "CBCS-B"), in: tree)
    }
    #expect(error?.kind == .failedPrecondition)
    #expect(error?.field == "unit_code")
    #expect(roster.people.isEmpty)
  }

  @Test func aPersonCannotBeMovedIntoAClosedUnit() throws {
    var tree = try Fixtures.tree()
    var roster = PersonRoster()
    try roster.add(Fixtures.person("NV1", unit: "DBCS-A-01"), in: tree)
    try tree.close("CBCS-B", on: CivilDate(2024, 1, 1), stamp: Fixtures.stamp)
    var moved = try #require(roster.person("NV1"))
    moved.unitCode = "CBCS-B"
    #expect(roster.problems(updating: moved, in: tree).map(\.field) == ["unit_code"])
  }

  @Test func anOfficialMemberNeedsTheDateMembershipBecameOfficial() {
    var person = Fixtures.person("NV1", unit: "CBCS-B")
    person.partyMembership = PartyMembership(status: .official, admitted: CivilDate(2015, 5, 19))
    #expect(person.validationProblems.map(\.field) == ["party_membership.official"])
  }

  @Test func aProbationaryMemberHasNoOfficialDateYet() {
    var person = Fixtures.person("NV1", unit: "CBCS-B")
    person.partyMembership = PartyMembership(
      status: .probationary, admitted: CivilDate(2024, 5, 19), official: CivilDate(2025, 5, 19))
    #expect(person.validationProblems.map(\.field) == ["party_membership.official"])
  }

  @Test func aLeaderMustHaveTheLevelTheirTitleRequiresRecorded() {
    let person = Fixtures.person("NV1", unit: "CBCS-B", leader: true, theory: .intermediate)
    #expect(person.validationProblems.map(\.field) == ["required_theory_level"])
  }

  @Test func aPersonIsAPartyMemberOrHoldsAtLeastOneCategory() {
    var person = Fixtures.person("NV1", unit: "CBCS-B")
    person.categories = []
    #expect(person.validationProblems.map(\.field) == ["categories"])
    person.partyMembership = PartyMembership(status: .official, admitted: CivilDate(1990, 1, 1), official: CivilDate(1991, 1, 1))
    #expect(person.validationProblems.isEmpty)
  }

  @Test func aPersonMayHoldSeveralCategoriesAtOnce() throws {
    var person = Fixtures.person("NV1", unit: "CBCS-B")
    person.categories = [.cadre, .civilServant]
    person.partyMembership = PartyMembership(status: .official, admitted: CivilDate(2001, 2, 3), official: CivilDate(2002, 2, 3))
    var roster = PersonRoster()
    try roster.add(person, in: try Fixtures.tree())
    #expect(roster.person("NV1")?.categories == [.cadre, .civilServant])
  }

  @Test func aBachelorOfPoliticsMeetsAnAdvancedRequirement() {
    #expect(PoliticalTheoryLevel.bachelor.meets(.advanced))
    #expect(PoliticalTheoryLevel.advanced.meets(.bachelor))
    #expect(PoliticalTheoryLevel.intermediate.meets(.elementary))
    #expect(!PoliticalTheoryLevel.intermediate.meets(.advanced))
  }

  @Test func namesTypedWithCombiningMarksAreStoredPrecomposed() throws {
    var person = Fixtures.person("NV1", unit: "CBCS-B")
    person.fullName = "  Nguye\u{0302}\u{0303}n Thi\u{0323} Hoa "
    var roster = PersonRoster()
    try roster.add(person, in: try Fixtures.tree())
    #expect(roster.person("NV1")?.fullName.unicodeScalars.count == "Nguyễn Thị Hoa".unicodeScalars.count)
    #expect(roster.person("NV1")?.fullName == "Nguyễn Thị Hoa")
  }
}
