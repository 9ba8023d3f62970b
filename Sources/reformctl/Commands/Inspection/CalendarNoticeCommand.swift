import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl calendar notice`: the government's yearly notice of days off, which overrides
/// the computed calendar for the days it lists.
struct CalendarNoticeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notice",
    abstract: "Load or remove the government's yearly notice of days off (thông báo nghỉ lễ, Tết).",
    subcommands: [Load.self, Remove.self]
  )

  /// `reformctl calendar notice load FILE`: replaces the year's notice with the file's.
  struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load a year's notice from a CSV file, replacing any notice loaded for that year.",
      discussion:
        "\(CalendarNoticeFile.help)\n\nThe calendar that results is printed as 'reformctl calendar' prints it. \(ExitStatus.help)"
    )

    @OptionGroup(title: "Connection") var options: GlobalOptions

    @Argument(help: "The notice file (UTF-8 CSV; see above).") var file: String

    func run() async throws {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ValidationError("\(file): no such readable file")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw InputRefusal.refuse(file: file, "not UTF-8 text")
      }
      let noticeFile: CalendarNoticeFile
      do {
        noticeFile = try CalendarNoticeFile(text: text)
      } catch {
        throw InputRefusal.refuse(file: file, error)
      }
      let notice = noticeFile.notice
      let request = InspectionLoadCalendarNoticeRequest(notice: notice)
      let timeout = options.callTimeout
      let path = file
      let calendar = try await options.withClient { client in
        do {
          return try await client.call(InspectionService.LoadCalendarNotice.self, request, timeout: timeout)
        } catch let error as ReformError {
          throw ReformError(
            code: error.code, message: "\(path): \(noticeFile.naming(lines: error.message))", cause: error)
        }
      }
      StandardError.print("loaded the notice of \(notice.year): \(notice.days.count) days from \(file)")
      print(CalendarReport(calendar: calendar).table())
    }
  }

  /// `reformctl calendar notice remove --year 2026`: back to the computed calendar.
  struct Remove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove a year's notice, going back to the computed calendar.",
      discussion: "Removing a notice that is not loaded is not an error. \(ExitStatus.help)"
    )

    @OptionGroup(title: "Connection") var options: GlobalOptions

    @Option(help: "The year whose notice to remove.") var year: Int32

    func run() async throws {
      let request = InspectionRemoveCalendarNoticeRequest(year: year)
      let calendar = try await options.call(InspectionService.RemoveCalendarNotice.self, request)
      print("removed the notice of \(year): \(calendar.workingDayCount) working days as computed")
    }
  }
}
