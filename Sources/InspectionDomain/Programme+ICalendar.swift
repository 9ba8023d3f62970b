import Foundation

extension Programme {
  /// The programme as an iCalendar file (RFC 5545): one all-day event per visit.
  ///
  /// Each event's UID is built from the visit's id and the year, so it is the same across
  /// replans and a calendar that imports the file again updates the event instead of adding
  /// another. DTSTART and DTEND are dates, DTEND being the day after the last day (RFC 5545
  /// ends are exclusive), so a visit across a weekend shows across it. SUMMARY holds the kind
  /// and the unit's name, DESCRIPTION the team and its inspectors.
  ///
  /// - Parameter stamp: the instant written as every event's DTSTAMP (when the file was made),
  ///   injected so the output depends only on the programme.
  public func iCalendar(stamp: Date) -> String {
    var writer = ICalendarWriter()
    writer.add("BEGIN", "VCALENDAR")
    writer.add("VERSION", "2.0")
    writer.add("PRODID", "-//Reform//Chuong trinh kiem tra giam sat//VI")
    writer.add("CALSCALE", "GREGORIAN")
    writer.add("METHOD", "PUBLISH")
    writer.add("X-WR-CALNAME", ICalendarWriter.text("Chương trình kiểm tra, giám sát năm \(year)"))
    let teams = Dictionary(input.teams.map { ($0.teamID, $0) }, uniquingKeysWith: { first, _ in first })
    let dtstamp = ICalendarWriter.utcDateTime(stamp)
    for visit in visits {
      let team = teams[visit.teamID]
      let members = team?.inspectors.map(\.fullName).joined(separator: ", ") ?? ""
      var description = "Đoàn: \(team?.name ?? visit.teamID) (\(visit.teamID))\nThành viên: \(members)"
      description += "\nSố ngày làm việc: \(visit.workingDays)"
      if !visit.topic.isEmpty { description += "\nNội dung: \(visit.topic)" }
      writer.add("BEGIN", "VEVENT")
      writer.add("UID", ICalendarWriter.text("\(visit.visitID)-\(year)@inspection.reform"))
      writer.add("DTSTAMP", dtstamp)
      writer.add("DTSTART;VALUE=DATE", ICalendarWriter.date(visit.firstDay))
      writer.add("DTEND;VALUE=DATE", ICalendarWriter.date(visit.lastDay.adding(days: 1)))
      writer.add("SUMMARY", ICalendarWriter.text("\(visit.kind.vietnameseName): \(visit.unitName)"))
      writer.add("DESCRIPTION", ICalendarWriter.text(description))
      writer.add("END", "VEVENT")
    }
    writer.add("END", "VCALENDAR")
    return writer.output
  }
}
