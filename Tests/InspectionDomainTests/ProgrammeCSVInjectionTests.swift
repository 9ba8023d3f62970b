import Foundation
import InspectionDomain
import Testing

/// A unit name or topic that a spreadsheet would run as a formula is written as text.
@Suite("Programme CSV is safe to open in a spreadsheet")
struct ProgrammeCSVInjectionTests {
  @Test func cellsStartingWithAFormulaCharacterGetALeadingApostrophe() throws {
    let hostile = VisitDue(
      dueID: "V1", unitCode: "U1", unitName: "=HYPERLINK(\"http://evil.example\";\"Mở\")",
      kind: .thematicSupervision, lengthDays: 2, window: span(day(2026, 3, 2), day(2026, 3, 31)),
      topic: "@SUM(A1:A9)")
    let input = PlanInput(
      year: 2026, visitsDue: [hostile, due("V2", unit: "-Phòng", length: 2, window: span(day(2026, 3, 2), day(2026, 3, 31)))],
      teams: [team("+T1", [inspector("K1"), inspector("K2")])])
    let csv = try Planner().plan(input, calendar: calendar2026()).csv()
    #expect(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Mở\"\")\","))
    #expect(csv.contains(",'@SUM(A1:A9)\r\n"))
    #expect(csv.contains(",'-Phòng,"))
    #expect(csv.contains(",'+T1,"))
    // Figures stay figures: working days and risk are plain numbers.
    for line in csv.components(separatedBy: "\r\n").dropFirst().dropLast() {
      #expect(!line.contains(",'2,"), "\(line)")
    }
  }
}
