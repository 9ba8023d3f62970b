import ArgumentParser
import Foundation
import ReformWire

/// `reformctl inspection show ID`: a version of a programme, by `Inspection.GetProgramme`.
struct InspectionShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a programme: its visits in date order, the visits it could not place and why, and how good it is.",
    discussion: """
      The table lists the visits, then the unplaced visits with the rule that blocks each, then \
      the objective: visits placed, the risk delay (Σ risk × working-day index of the first \
      day; lower means riskier units come earlier) with its lower bound and the gap between \
      them, and each team's load. --format csv writes every due visit as one CSV row (placed \
      first, then unplaced), for a spreadsheet. \(ExitStatus.help)
      """
  )

  /// The formats a programme prints in.
  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv
  }

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "The programme's id, e.g. KTGS-2026-0001.") var id: String

  @Option(help: "A past version; the latest when omitted.") var version: Int32 = 0

  @Option(help: "table or csv.") var format: OutputFormat = .table

  func run() async throws {
    let request = InspectionGetProgrammeRequest(programmeId: id, version: version)
    let programme = try await options.call(InspectionService.GetProgramme.self, request)
    let report = ProgrammeReport(programme: programme)
    switch format {
    case .table: print(report.table())
    case .csv: FileHandle.standardOutput.write(Data(report.csv().utf8))
    }
  }
}
