import ArgumentParser
import Foundation
import ReformClient
import ReformWire

/// What `units`, `members`, `studies` and `values` share: import a CSV file all or nothing,
/// with a progress bar and every error by line and column, and export back to CSV.
enum RegistryCSV {
  /// Imports, transfers and writes can take minutes on large files: the calls get at least
  /// this long, whatever `--timeout` says.
  static let longCall: Duration = .seconds(1800)

  /// Sends `file` to `Registry.ImportCsv` and reports how it went; exits with the status of a
  /// refused request when any line was wrong (and then nothing was written).
  static func importFile(
    _ file: String, kind: RegistryCsvKind, setId: String = "", dryRun: Bool, options: GlobalOptions
  ) async throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ValidationError("\(file): no such readable file")
    }
    let request = RegistryImportCsvRequest(
      kind: kind, csv: [UInt8](data), dryRun: dryRun, fileName: URL(fileURLWithPath: file).lastPathComponent,
      setId: setId, idempotencyKey: UUID().uuidString)
    let timeout = max(options.callTimeout, longCall)
    let failed = try await options.withClient { client in
      let state = ImportState()
      try await client.stream(RegistryService.ImportCsv.self, request, timeout: timeout) { event in
        await state.handle(event, file: file)
      }
      return await state.finish()
    }
    if failed { throw ExitStatus.refused }
  }

  /// Streams `Registry.ExportCsv` to `output`, or to standard output when it is nil.
  static func export(
    kind: RegistryCsvKind, subtree: String, setId: String = "", periods: [Period] = [], includeClosed: Bool,
    bom: Bool, output: String?, options: GlobalOptions
  ) async throws {
    let request = RegistryExportCsvRequest(
      kind: kind, subtreeCode: subtree, includeClosed: includeClosed, setId: setId, periods: periods, withBom: bom)
    try await CSVExport.write(
      RegistryService.ExportCsv.self, request, to: output, rowNoun: "rows", timeout: max(options.callTimeout, longCall), options: options)
  }

  /// The progress, errors and summary of one import as they stream in.
  private actor ImportState {
    var bar = ProgressBar()
    var errors = 0
    var summary: RegistryImportSummary?

    func handle(_ event: RegistryImportCsvEvent, file: String) {
      switch event.event {
      case .progress(let progress):
        bar.update(phase: Self.phase(progress.phase), done: progress.rowsDone, total: progress.rowsTotal)
      case .errors(let batch):
        for error in batch.errors {
          errors += 1
          let place = error.column > 0 ? "\(file):\(error.line):\(error.column)" : "\(file):\(error.line)"
          let field = error.field.isEmpty ? "" : " \(error.field)"
          let value = error.value.isEmpty ? "" : " (\"\(error.value.prefix(40))\")"
          StandardError.print("\(place):\(field)\(value) \(error.message)")
        }
      case .summary(let summary):
        self.summary = summary
      case nil:
        break
      }
    }

    /// Prints the outcome; true when the import was refused.
    func finish() -> Bool {
      bar.finish()
      guard let summary else {
        StandardError.print("the import ended without a summary")
        return true
      }
      if summary.errorCount > 0 || !summary.applied && !summary.dryRun {
        StandardError.print("\(summary.errorCount) errors in \(summary.rowsRead) rows: nothing was written")
        return true
      }
      let verb = summary.dryRun ? "checked (dry run, nothing written)" : "imported"
      print("\(verb): \(summary.rowsRead) rows — \(summary.created) created, \(summary.updated) updated, \(summary.unchanged) unchanged")
      return false
    }

    private static func phase(_ phase: RegistryImportPhase) -> String {
      switch phase {
      case .parsing: "reading"
      case .validating: "checking"
      case .writing: "writing"
      default: "working"
      }
    }
  }
}
