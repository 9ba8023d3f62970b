import Foundation
import ReformKit
import Testing
@testable import RegistryDomain

@Suite("The roster's list order")
struct PersonListOrderTests {
  /// The order by definition: unit code, then name in the Vietnamese alphabet, then id.
  static func listOrder(_ people: some Sequence<Person>) -> [String] {
    people.map { ($0, VietnameseText.sortKey($0.fullName)) }.sorted { lhs, rhs in
      if lhs.0.unitCode != rhs.0.unitCode { return lhs.0.unitCode < rhs.0.unitCode }
      if lhs.1 != rhs.1 { return lhs.1.lexicographicallyPrecedes(rhs.1) }
      return lhs.0.id < rhs.0.id
    }.map(\.0.id)
  }

  static func person(_ id: String, _ name: String, unit: String) -> Person {
    var person = Fixtures.person(id, unit: unit)
    person.fullName = name
    return person
  }

  @Test func peopleAreListedByUnitThenByTheVietnameseAlphabetThenById() throws {
    let tree = try Fixtures.tree()
    var roster = PersonRoster()
    for person in [
      Self.person("P1", "Đỗ Văn An", unit: "DBCS-A-01"), Self.person("P2", "Dương Thị Bình", unit: "DBCS-A-01"),
      Self.person("P3", "Nguyễn Văn Ánh", unit: "CBCS-B"), Self.person("P4", "Nguyễn Văn Anh", unit: "CBCS-B"),
      Self.person("P6", "Ông Thị Hà", unit: "DBCS-A-01"), Self.person("P5", "Ông Thị Hà", unit: "DBCS-A-01"),
    ] {
      try roster.add(person, in: tree)
    }
    // Đ after D, the tone only between otherwise equal names, the id last.
    #expect(roster.idsInListOrder == ["P4", "P3", "P2", "P1", "P5", "P6"])
  }

  @Test func aNewUnitOrNameMovesThePersonAndOtherChangesLeaveThemWhereTheyAre() throws {
    let tree = try Fixtures.tree()
    var roster = PersonRoster()
    for (index, person) in DemoBlocTests.bloc.people.prefix(40).enumerated() {
      var moved = person
      moved.unitCode = ["CBCS-B", "DBCS-A-01", "DBCS-A-02"][index % 3]
      roster.restore(moved)
    }
    var first = try #require(roster.person(roster.idsInListOrder[0]))
    first.unitCode = "DBCS-A-02"
    try roster.update(first, in: tree)
    var last = try #require(roster.person(roster.idsInListOrder[39]))
    last.fullName = "An Văn Ba"
    try roster.update(last, in: tree)
    var other = try #require(roster.person(roster.idsInListOrder[20]))
    other.note = "Chuyển sinh hoạt tạm thời"
    try roster.update(other, in: tree)
    #expect(roster.idsInListOrder == Self.listOrder(roster.peopleByID.values))
  }

  @Test func restoringEveryoneAtOnceGivesTheOrderOfRestoringThemOneByOne() {
    let people = DemoBlocTests.bloc.people
    var oneByOne = PersonRoster()
    for person in people { oneByOne.restore(person) }
    let atOnce = PersonRoster(restoring: people)
    #expect(atOnce.idsInListOrder == oneByOne.idsInListOrder)
    #expect(atOnce.idsInListOrder == Self.listOrder(people))
    // A second import moving many people to other units.
    let moved = people.prefix(600).map { person in
      var person = person
      person.unitCode = people[people.count - 1].unitCode
      return person
    }
    var again = atOnce
    again.restore(moved)
    #expect(again.idsInListOrder == Self.listOrder(again.peopleByID.values))
  }

  @Test func batchesOfNewMovedAndRenamedPeopleMergeIntoTheOrderByDefinition() {
    let people = DemoBlocTests.bloc.people
    let units = Array(Set(people.map(\.unitCode))).sorted()
    var roster = PersonRoster(restoring: people.prefix(people.count / 2))
    var random = SplitMix64(seed: 7)
    func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    for round in 0..<6 {
      // New people, people moved to other units (a few units lose all theirs) or renamed,
      // others changed in place, and one id twice in the batch, the last standing.
      var batch = Array(people.dropFirst(people.count / 2 + round * 40).prefix(40))
      let stored = roster.idsInListOrder
      let emptied = pick(units)
      for id in stored where roster.person(id)?.unitCode == emptied {
        var person = roster.person(id)!
        person.unitCode = pick(units)
        batch.append(person)
      }
      for index in 0..<120 {
        var person = roster.person(pick(stored))!
        switch index % 3 {
        case 0: person.unitCode = pick(units)
        case 1: person.fullName = pick(people).fullName
        default: person.note = "Đổi lần \(round)"
        }
        batch.append(person)
      }
      var twice = batch[0]
      twice.unitCode = pick(units)
      batch.append(twice)
      roster.restore(batch)
      #expect(roster.person(twice.id)?.unitCode == twice.unitCode)
      #expect(roster.idsInListOrder == Self.listOrder(roster.peopleByID.values), "round \(round)")
      #expect(roster.idsInListOrder.count == roster.peopleByID.count)
    }
  }

  @Test func aUnitsPeopleAreFoundTogetherInListOrder() {
    let roster = PersonRoster(restoring: DemoBlocTests.bloc.people)
    let units = Set(DemoBlocTests.bloc.people.prefix(300).map(\.unitCode))
    let expected = roster.idsInListOrder.filter { units.contains(roster.person($0)?.unitCode ?? "") }
    #expect(roster.idsInListOrder(ofUnits: units) == expected)
    #expect(roster.idsInListOrder(ofUnits: ["NO-SUCH-UNIT"]).isEmpty)
  }

  @Test func latinTextIsKeyedAndFoldedAsTheWholeTextsMappingWouldDo() {
    // Letters whose mappings bring marks, side by side, so that marks of neighbours could meet.
    let letters = Array("aAăĂâÂấẦẩẪậđĐeÊếềểễệiÌịoÔơỚờởỡợuƯứừửữựyỳỷỹỵİǰǄǅǆß ")
    let pairs = letters.flatMap { first in letters.map { String([first, $0]) } }
    let texts =
      DemoBlocTests.bloc.people.prefix(500).map(\.fullName) + pairs + [
        "ĐẶNG ƯỚC", "İstanbul", "Trần\u{0301}", "x\u{0323}\u{0302}", "Σίσυφος", "",
      ]
    for text in texts {
      let mapped = Array(text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars)
      #expect(VietnameseText.lowercasedAndDecomposed(text) == mapped, "\(text)")
      let folded = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
        .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      #expect(VietnameseText.folded(text) == folded, "\(text)")
    }
  }
}
