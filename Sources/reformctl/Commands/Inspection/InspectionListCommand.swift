import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// `reformctl inspection list --year 2026`: the programmes (latest versions), by
/// `Inspection.ListProgrammes`, every page.
struct InspectionListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "list", abstract: "List programmes (each at its latest version), by year and owner.")

  /// The formats the list prints in.
  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv
  }

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "Only programmes of this year; every year when omitted.") var year: Int32 = 0

  @Option(
    help: ArgumentHelp("Only programmes of this committee; every one you may see when omitted.", valueName: "unit"))
  var owner: String = ""

  @Option(help: "table or csv.") var format: OutputFormat = .table

  func run() async throws {
    let timeout = options.callTimeout
    let (year, owner) = (year, owner)
    let programmes = try await options.withClient { client in
      do {
        return try await client.everyPage(
          InspectionService.ListProgrammes.self, items: \.programmes, page: \.page, timeout: timeout
        ) {
          InspectionListProgrammesRequest(page: PageRequest(pageSize: 200, pageToken: $0), ownerUnitCode: owner, year: year)
        }.items
      } catch let error as ReformError {
        throw error.naming(field: "owner_unit_code", asFlag: "--owner")
      }
    }
    let header = ["id", "version", "year", "owner", "name", "visits", "unplaced", "created", "created_by"]
    let rows = programmes.map { programme in
      [
        programme.programmeId, String(programme.version), String(programme.year), programme.ownerUnitCode,
        programme.name, String(programme.visitCount), String(programme.unplacedCount),
        Format.wallClock(programme.createdAt), programme.createdBy,
      ]
    }
    switch format {
    case .csv:
      FileHandle.standardOutput.write(Data(CSVText.file(header: header, rows: rows).utf8))
    case .table:
      let columns: [TextTable.Column] = [
        .text("ID"), .number("VERSION"), .number("YEAR"), .text("OWNER"), .text("NAME"), .number("VISITS"),
        .number("UNPLACED"), .text("CREATED"), .text("BY"),
      ]
      TextTable.print(rows, columns: columns, ifNone: year == 0 ? "no programmes" : "no programmes for \(year)") { row in
        row.map(Format.orDash)
      }
    }
  }
}
