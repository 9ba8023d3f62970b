import ArgumentParser
import Foundation
import ReformWire

/// `reformctl rating export --year 2025 --output ratings.csv`: the ratings as the module
/// writes them (`Classification.ExportCsv`), streamed to a file piece by piece.
struct RatingExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "export", abstract: "Export ratings as a UTF-8 CSV file, with every failed rule of each.",
    details: """
      Columns: subject_kind, subject_id, subject_name, unit_code, quota_unit_code, duty_group, \
      year, score (points, two decimals), level, level_before_quota, quota_demoted, \
      failed_rules ('|'-separated rule ids), run_id, locked.
      """)

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "The year rated.") var year: Int32

  @Option(help: "The file to write ('-' for standard output).") var output: String

  @Option(help: "Only this unit's subtree; the whole bloc (or your own unit) when omitted.") var unit: String = ""

  @Option(help: "Only this subject kind (repeat for several).") var kind: [RatingKindArgument] = []

  @Option(help: ArgumentHelp("A run's results instead of the final ones.", valueName: "run-id")) var run: String = ""

  @Flag(help: "Start the file with a UTF-8 byte order mark, for spreadsheet programs that want one.") var bom = false

  func validate() throws {
    guard (1900...9999).contains(year) else { throw ValidationError("--year \(year): not a year") }
  }

  func run() async throws {
    let request = ClassificationExportCsvRequest(
      year: year, runId: run, unitCode: unit, subjectKinds: kind.map(\.kind), withBom: bom)
    try await CSVExport.write(
      ClassificationService.ExportCsv.self, request, to: output == "-" ? nil : output, rowNoun: "ratings",
      timeout: max(options.callTimeout, .seconds(1800)), options: options)
  }
}
