import ArgumentParser
import Foundation
import ReformWire

/// `reformctl report`: how a unit subtree stands against an indicator set's targets — as a
/// table in the terminal, CSV, or one HTML file a person opens in a browser.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Report a unit subtree against an indicator set's targets: table, CSV or HTML.",
    discussion: """
      The table and CSV go to standard output (or --output); HTML goes to --output, or to the \
      file name the registry suggests in the current folder. \(ExitStatus.help)
      """
  )

  enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, html
  }

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "The indicator set, e.g. 01-NQ-DUK-2020-2025.") var set: String

  @Option(help: "A period: 2024, 2024-Q3, 2020-2025… Repeat for several.") var period: [PeriodArgument]

  @Option(help: "The root unit; the bloc committee when omitted.") var unit: String = ""

  @Option(help: "Levels below the root to show; all when omitted.") var depth: Int32 = 0

  @Option(help: "Only these indicators (repeat); all when omitted.") var indicator: [String] = []

  @Option(help: "table, csv or html.") var format: ReportFormat = .table

  @Flag(help: "Count only approved periods: the official figures.") var approvedOnly = false

  @Option(help: "Write to this file.") var output: String?

  func run() async throws {
    let wire: RegistryReportFormat = switch format {
    case .table: .table
    case .csv: .csv
    case .html: .html
    }
    let request = RegistryReportRequest(
      setId: set, periods: period.map(\.period), unitCode: unit, maxDepth: depth, indicatorCodes: indicator, format: wire,
      approvedOnly: approvedOnly, omitRows: true)
    let response = try await options.call(RegistryService.Report.self, request, timeoutAtLeast: .seconds(120))
    let destination = output ?? (format == .html ? (response.fileName.isEmpty ? "report.html" : response.fileName) : nil)
    if let destination {
      guard FileManager.default.createFile(atPath: destination, contents: Data(response.rendered)) else {
        throw ValidationError("--output \(destination): cannot write the file")
      }
      StandardError.print("wrote \(destination)")
    } else {
      FileHandle.standardOutput.write(Data(response.rendered))
    }
  }
}
