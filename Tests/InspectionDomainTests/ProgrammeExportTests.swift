import Foundation
import InspectionDomain
import ReformKit
import Testing

@Suite("Programme export: CSV and iCalendar")
struct ProgrammeExportTests {
  /// A programme whose unit name needs quoting and escaping, and runs long.
  private func programme() throws -> Programme {
    let awkward = VisitDue(
      dueID: "V1", unitCode: "U1", unitName: "Chi bộ Sở Văn hóa, Thể thao và Du lịch; \"Phòng\" Quản lý\\Di sản",
      kind: .thematicSupervision, lengthDays: 5, window: span(day(2026, 3, 5), day(2026, 3, 31)),
      topic: "Việc thực hiện Nghị quyết 01-NQ/ĐUK về cải cách hành chính,\ndòng thứ hai của nội dung giám sát chuyên đề"
    )
    let input = PlanInput(
      year: 2026,
      visitsDue: [awkward, due("V2", unit: "U2", length: 2, window: span(day(2026, 3, 2), day(2026, 3, 31)))],
      teams: [team("T1", [inspector("K1"), inspector("K2")])])
    return try Planner().plan(input, calendar: calendar2026())
  }

  private let stamp = Date(timeIntervalSince1970: 1_767_602_096)  // 2026-01-05T08:34:56Z

  @Test func csvHasAHeaderRowAndOneRowPerVisitWithCRLF() throws {
    let csv = try programme().csv()
    let lines = csv.components(separatedBy: "\r\n")
    #expect(lines.first == Programme.csvHeader.joined(separator: ","))
    #expect(csv.hasSuffix("\r\n"))
    #expect(lines.filter { $0.hasPrefix("V") }.count == 2)
  }

  @Test func csvQuotesFieldsWithCommasQuotesOrLineBreaksAndDoublesQuotes() throws {
    let csv = try programme().csv()
    #expect(csv.contains(#""Chi bộ Sở Văn hóa, Thể thao và Du lịch; ""Phòng"" Quản lý\Di sản""#))
    #expect(csv.contains("\"Việc thực hiện Nghị quyết 01-NQ/ĐUK về cải cách hành chính,\ndòng thứ hai"))
    #expect(csv.contains(",Chi bộ U2,"))
  }

  @Test func csvIsUTF8WithItsDiacritics() throws {
    let data = Data(try programme().csv().utf8)
    #expect(String(data: data, encoding: .utf8)?.contains("Giám sát chuyên đề") == true)
  }

  @Test func iCalendarWrapsTheEventsInAVCalendarWithVersionAndProdID() throws {
    let ics = try programme().iCalendar(stamp: stamp)
    let lines = unfolded(ics)
    #expect(lines.first == "BEGIN:VCALENDAR")
    #expect(lines.last == "END:VCALENDAR")
    #expect(lines.contains("VERSION:2.0"))
    #expect(lines.contains { $0.hasPrefix("PRODID:") })
    #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
  }

  @Test func everyICalendarLineEndsWithCRLFAndNoLineIsLongerThan75Octets() throws {
    let ics = try programme().iCalendar(stamp: stamp)
    #expect(ics.hasSuffix("\r\n"))
    let bytes = Array(ics.utf8)
    for (i, byte) in bytes.enumerated() where byte == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
    let physical = ics.components(separatedBy: "\r\n").dropLast()
    #expect(physical.contains { $0.hasPrefix(" ") }, "something was folded")
    for line in physical { #expect(line.utf8.count <= 75, "\(line)") }
  }

  @Test func foldingNeverCutsAMultiByteCharacter() throws {
    let ics = try programme().iCalendar(stamp: stamp)
    var line: [UInt8] = []
    var previous: UInt8 = 0
    for byte in ics.utf8 {
      if previous == 0x0D && byte == 0x0A {
        line.removeLast()
        #expect(String(validating: line, as: UTF8.self) != nil, "a folded line is not valid UTF-8")
        line = []
      } else {
        line.append(byte)
      }
      previous = byte
    }
  }

  @Test func textValuesEscapeCommasSemicolonsBackslashesAndLineBreaks() throws {
    let lines = unfolded(try programme().iCalendar(stamp: stamp))
    let summary = try #require(lines.first { $0.hasPrefix("SUMMARY:Giám sát chuyên đề") })
    #expect(
      summary == #"SUMMARY:Giám sát chuyên đề: Chi bộ Sở Văn hóa\, Thể thao và Du lịch\; "Phòng" Quản lý\\Di sản"#)
    let description = try #require(lines.first { $0.hasPrefix("DESCRIPTION:") && $0.contains("cải cách") })
    #expect(description.contains(#"hành chính\,\ndòng thứ hai"#))
    #expect(description.contains(#"Thành viên: Cán bộ K1\, Cán bộ K2"#))
  }

  @Test func anEventEndsTheDayAfterItsLastDayAndSpansTheWeekendInside() throws {
    let programme = try programme()
    let visit = try #require(programme.visit("V1"))
    #expect(visit.lastDay.weekday == .wednesday)
    let lines = unfolded(programme.iCalendar(stamp: stamp))
    let event = eventLines(lines, uid: "V1-2026@inspection.reform")
    let start = icsDate(visit.firstDay)
    let end = icsDate(visit.lastDay.adding(days: 1))
    #expect(event.contains("DTSTART;VALUE=DATE:\(start)"))
    #expect(event.contains("DTEND;VALUE=DATE:\(end)"))
  }

  @Test func dtstampIsTheInjectedInstantInUTC() throws {
    let lines = unfolded(try programme().iCalendar(stamp: stamp))
    #expect(lines.filter { $0 == "DTSTAMP:20260105T083456Z" }.count == 2)
  }

  @Test func anEventKeepsItsUIDWhenAReplanMovesIt() throws {
    let calendar = try calendar2026()
    let before = try programme()
    let visit = try #require(before.visit("V2"))
    let report = try Planner().replan(
      before, changes: [.leave(inspectorID: "K1", Unavailability(dates: span(visit.firstDay, visit.lastDay)))],
      calendar: calendar)
    let after = try #require(report.programme.visit("V2"))
    #expect(after.firstDay != visit.firstDay)
    let uid = "UID:V2-2026@inspection.reform"
    #expect(unfolded(before.iCalendar(stamp: stamp)).contains(uid))
    #expect(unfolded(report.programme.iCalendar(stamp: stamp)).contains(uid))
  }

  /// The content lines of `ics`, unfolded (RFC 5545, 3.1).
  private func unfolded(_ ics: String) -> [String] {
    ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
  }

  /// The lines of the event with `uid`.
  private func eventLines(_ lines: [String], uid: String) -> [String] {
    guard let at = lines.firstIndex(of: "UID:\(uid)") else { return [] }
    let begin = lines[..<at].lastIndex(of: "BEGIN:VEVENT") ?? at
    let end = lines[at...].firstIndex(of: "END:VEVENT") ?? at
    return Array(lines[begin...end])
  }

  /// `date` as an iCalendar DATE, written out by hand.
  private func icsDate(_ date: CivilDate) -> String {
    String(format: "%04d%02d%02d", date.year, date.month, date.day)
  }
}
