import ReformKit
import Testing

/// Field paths reach callers in the `.proto`'s spelling, whatever module refuses the field.
@Suite struct FieldPathTests {
  @Test func eachSegmentIsSnakeCasedAndIndexesAreKept() {
    #expect(FieldPath.proto("members[2].birthDate") == "members[2].birth_date")
    #expect(FieldPath.proto("organID") == "organ_id")
    #expect(FieldPath.proto("planInput.teams[0].homeUnitCode") == "plan_input.teams[0].home_unit_code")
    #expect(FieldPath.proto("") == "")
  }

  @Test func aRenamedSegmentTakesItsProtoName() {
    #expect(FieldPath.proto("subordinates[1].code", renames: ["subordinates": "subordinate_codes"]) == "subordinate_codes[1].code")
  }

  @Test func joiningPutsADotOnlyBetweenTwoNames() {
    #expect(FieldPath.joined("person", "birth_date") == "person.birth_date")
    #expect(FieldPath.joined("people", "[3].name") == "people[3].name")
    #expect(FieldPath.joined("", "name") == "name")
    #expect(FieldPath.joined("person", "") == "person")
  }

  @Test func anEntryIsSplitIntoListIndexAndRest() throws {
    let entry = try #require(FieldPath.entry("people[3].name"))
    #expect(entry.list == "people" && entry.index == 3 && entry.rest == "name")
    #expect(FieldPath.entry("people.name") == nil)
    #expect(FieldPath.entry("people[x].name") == nil)
  }
}
