import ReformWire

/// What `reformctl calendar` prints of an ``InspectionCalendar``: the days that are not plain
/// (days off with their Vietnamese names, swapped working Saturdays, days a notice sets) or
/// every day, as a table with the working days counted by month, or as CSV.
struct CalendarReport {
  var calendar: InspectionCalendar
  /// Every day, not only the days that are not plain.
  var allDays = false

  /// The days shown: all of them, or those that are neither an ordinary working day nor an
  /// ordinary weekend.
  var shownDays: [InspectionCalendarDay] {
    guard !allDays else { return calendar.days }
    return calendar.days.filter { day in
      !(day.kind == .working || day.kind == .weekend) || day.source == .notice || !day.name.isEmpty
    }
  }

  /// The columns of both formats.
  static let header = ["date", "weekday", "lunar", "kind", "working", "name", "source"]

  /// The cells of one day.
  static func cells(_ day: InspectionCalendarDay) -> [String] {
    [
      InspectionText.date(day.date), InspectionText.weekday(day.date), lunar(day.lunar),
      InspectionText.dayKind(day.kind), day.working ? "yes" : "no", day.name,
      Format.enumName(day.source.description, prefix: "INSPECTION_DAY_SOURCE_"),
    ]
  }

  /// `27/12/2025`, the lunar day, month and year, with ` nhuận` in a leap month.
  static func lunar(_ date: InspectionLunarDate?) -> String {
    guard let date, date.year != 0 else { return "-" }
    return "\(date.day)/\(date.month)/\(date.year)" + (date.leapMonth ? " nhuận" : "")
  }

  /// The days as CSV, one row per day shown.
  func csv() -> String {
    CSVText.file(header: Self.header, rows: shownDays.map(Self.cells))
  }

  /// The days as a table, then the notice applied and the working days by month.
  func table() -> String {
    var lines: [String] = []
    let days = shownDays
    if days.isEmpty {
      lines.append("no days off in this range besides weekends")
    } else {
      var table = TextTable(Self.header.map { .text($0.uppercased()) })
      for day in days { table.append(Self.cells(day).map(Format.orDash)) }
      lines.append(table.render())
    }
    lines.append("")
    if let notice = calendar.notice {
      let source = notice.source.map {
        [$0.document, InspectionText.date($0.issued)].filter { $0 != "-" && !$0.isEmpty }
      }
      lines.append(
        "notice: \(Format.orDash(source?.joined(separator: ", ") ?? "")), \(notice.days.count) days, loaded "
          + "\(Format.wallClock(notice.loadedAt)) by \(Format.orDash(notice.loadedBy))")
    } else {
      lines.append("notice: none; every day is as computed")
    }
    lines.append(monthTable())
    return lines.joined(separator: "\n")
  }

  /// Working days by month among the days fetched, and their total.
  func monthTable() -> String {
    var counts: [Int32: Int] = [:]
    for day in calendar.days where day.working { counts[day.date?.month ?? 0, default: 0] += 1 }
    let months = Set(calendar.days.compactMap { $0.date?.month }).sorted()
    var table = TextTable([.text("MONTH")] + months.map { .number(String($0)) } + [.number("TOTAL")])
    table.append(["working days"] + months.map { String(counts[$0] ?? 0) } + [String(calendar.workingDayCount)])
    return table.render()
  }
}
