import ArgumentParser
import Foundation
import ReformWire

/// `reformctl calendar`: the Vietnamese working-day calendar the inspection module plans on
/// (Bộ luật Lao động 2019, Điều 112), and the government's yearly notice of days off that
/// overrides it.
struct CalendarCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calendar",
    abstract: "Show the working-day calendar of a year; load or remove the government's yearly notice of days off.",
    subcommands: [CalendarShowCommand.self, CalendarNoticeCommand.self],
    defaultSubcommand: CalendarShowCommand.self
  )
}

/// `reformctl calendar [show] --year 2026 [--month 4]`: the days off with their names, the
/// swapped working Saturdays and the working days, by `Inspection.GetCalendar`.
struct CalendarShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a year's (or a month's) days off, swapped working Saturdays and working days.",
    discussion: """
      By default only the days that are not plain working days or weekends are listed — \
      holidays (nghỉ lễ, Tết), compensating days off (nghỉ bù), swapped days off and swapped \
      working Saturdays (làm bù), and any day a loaded notice sets — then the notice applied \
      and the working days by month. --all-days lists every day. The lunar date is the \
      Vietnamese one (UTC+7). With --format csv the days go to standard output as CSV \
      (columns date, weekday, lunar, kind, working, name, source) and the count of working \
      days to standard error. \(ExitStatus.help)
      """
  )

  /// The formats the calendar prints in.
  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv
  }

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "The year, e.g. 2026.") var year: Int32

  @Option(help: "Only this month (1–12).") var month: Int32?

  @Option(help: "table or csv.") var format: OutputFormat = .table

  @Flag(help: "List every day, not only the days off and swapped Saturdays.") var allDays = false

  @Flag(help: "Show the calendar as computed, without the loaded notice, to compare the two.") var ignoreNotice = false

  func validate() throws {
    if let month, !(1...12).contains(month) { throw ValidationError("--month must be 1 to 12") }
  }

  func run() async throws {
    let dates = month.map { month in
      DateRange(
        first: CalendarDate(year: year, month: month, day: 1),
        last: CalendarDate(year: year, month: month, day: InspectionText.daysIn(month: month, year: year)))
    }
    let request = InspectionGetCalendarRequest(year: year, dates: dates, ignoreNotice: ignoreNotice)
    let calendar = try await options.call(InspectionService.GetCalendar.self, request)
    let report = CalendarReport(calendar: calendar, allDays: allDays)
    switch format {
    case .table:
      print(report.table())
    case .csv:
      FileHandle.standardOutput.write(Data(report.csv().utf8))
      let scope = month.map { String(format: "%04d-%02d", year, $0) } ?? String(year)
      StandardError.print("\(calendar.workingDayCount) working days in \(scope)")
    }
  }
}
