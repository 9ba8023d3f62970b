import ExchangeDomain
import ReformKit
import Testing

@Suite("The demo's year of letters")
struct DemoCorrespondenceTests {
  static let bloc = UnitOrgan(unitCode: "DUK", organId: "000.00.00.H41", name: "Đảng ủy Khối")
  static let members = (1...12).map {
    UnitOrgan(unitCode: "CB-\($0)", organId: "000.01.\($0 + 10).H41", name: "Chi bộ số \($0)")
  }
  static let today = CivilDate(year: 2026, month: 12, day: 7)!

  static func letters(seed: UInt64 = 2025) -> [DemoCorrespondence.Letter] {
    DemoCorrespondence.year(bloc: bloc, members: members, endingOn: today, count: 300, seed: seed)
  }

  @Test func theSameArgumentsGiveTheSameLetters() {
    #expect(Self.letters() == Self.letters())
    #expect(Self.letters() != Self.letters(seed: 2026))
  }

  @Test func everyLetterIsIssuedOnAWeekdayOfTheYearEndingToday() {
    let first = Self.today.adding(days: -364)
    for letter in Self.letters() {
      #expect(letter.issued >= first && letter.issued <= Self.today, "\(letter.key) \(letter.issued)")
      #expect(!letter.issued.isWeekend, "\(letter.key) \(letter.issued)")
    }
  }

  @Test func eachSendersNumbersRunFromOneWithoutGapsPerYearInTheOrderOfIssue() {
    var numbers: [String: [Int]] = [:]
    for letter in Self.letters() { numbers["\(letter.sender.unitCode)/\(letter.issued.year)", default: []].append(letter.codeNumber) }
    for (book, list) in numbers { #expect(list == Array(1...list.count), "\(book)") }
  }

  @Test func lettersGoBetweenTheCommitteeAndItsOrganisationsToDistinctReceivers() {
    for letter in Self.letters() {
      #expect((letter.sender == Self.bloc) != (letter.receivers == [Self.bloc]), "\(letter.key)")
      #expect(Set(letter.receivers.map(\.organId)).count == letter.receivers.count, "\(letter.key)")
      #expect(letter.notices.count == letter.receivers.count)
      #expect(DocumentId.defect(inCodeNotation: letter.codeNotation) == nil, "\(letter.codeNotation)")
      if let due = letter.due { #expect(due > letter.issued) }
    }
  }

  /// Every copy's notices are a path the status machine takes from 01, so the demo's load is
  /// never refused halfway; most old copies end at 06, and some stop on the way.
  @Test func everyCopysNoticesAreAllowedInOrderAndMostOldOnesEndDone() throws {
    var ends: [NoticeCode: Int] = [:]
    for letter in Self.letters() {
      for steps in letter.notices {
        var state = DeliveryState(status: .arrived)
        for step in steps { state = try state.applying(step.code, by: .receiver, detail: step.detail) }
        ends[state.status ?? .arrived, default: 0] += 1
      }
    }
    #expect(ends[.done, default: 0] > ends.values.reduce(0, +) / 2, "\(ends)")
    #expect(ends[.arrived, default: 0] > 0 && ends[.refused, default: 0] > 0, "\(ends)")
  }
}
