import ArgumentParser
import Foundation
import ReformWire

/// `reformctl inspection export ID --format ics|csv`: a version of a programme as the file
/// `Inspection.ExportProgramme` makes — iCalendar (one all-day event per visit, its UID
/// stable across replans) or CSV.
struct InspectionExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a programme as iCalendar (.ics, for calendar programs) or CSV.",
    discussion: """
      The file goes to --output, or, when omitted, to the name the service suggests (e.g. \
      chuong-trinh-kiem-tra-2026-KTGS-2026-0001-v1.ics) in the current folder; '-' writes it \
      to standard output. \(ExitStatus.help)
      """
  )

  /// The formats a programme exports to.
  enum FileFormat: String, ExpressibleByArgument, CaseIterable {
    case ics, csv

    var wire: InspectionExportFormat { self == .ics ? .icalendar : .csv }
  }

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "The programme's id, e.g. KTGS-2026-0001.") var id: String

  @Option(help: "ics or csv.") var format: FileFormat

  @Option(help: ArgumentHelp("The file to write; '-' for standard output.", valueName: "file")) var output: String?

  @Option(help: "A past version; the latest when omitted.") var version: Int32 = 0

  func run() async throws {
    let request = InspectionExportProgrammeRequest(programmeId: id, version: version, format: format.wire)
    let file = try await options.call(InspectionService.ExportProgramme.self, request)
    if output == "-" {
      FileHandle.standardOutput.write(Data(file.content))
      return
    }
    let destination = output ?? (file.fileName.isEmpty ? "\(id).\(format.rawValue)" : file.fileName)
    guard FileManager.default.createFile(atPath: destination, contents: Data(file.content)) else {
      throw ValidationError("--output \(destination): cannot write the file")
    }
    StandardError.print("wrote \(destination) (\(file.mediaType), \(file.content.count) bytes)")
  }
}
