import Foundation
import Logging
import ReformClient
import ReformWire

/// Loads the demo bloc (`Deploy/demo/*.csv`: a fictional bloc of units, people, study records
/// and indicator values) into a new data folder through the registry's own import, then gives
/// every other module something to show (`DemoLoader+Modules.swift`), once: a marker file in
/// the data folder records that it was loaded.
struct DemoLoader: Sendable {
  let directory: String
  let marker: String
  let logger: Logger

  /// The files in the order the registry needs them, with what each holds.
  static let files: [(name: String, kind: RegistryCsvKind)] = [
    ("units.csv", .units), ("people.csv", .people), ("studies.csv", .studies), ("values.csv", .values),
  ]

  /// The demo's indicator set and the years it has values for.
  static let indicatorSet = "01-NQ-DUK-2020-2025"
  static let years: [Int32] = [2021, 2022, 2023, 2024, 2025]

  /// Where the demo folder is: `Deploy/demo` under the current folder, else beside the
  /// source tree the executable was built in (`.build/<config>/reformd`).
  static func locate(executable: String) -> String? {
    let candidates = [
      FileManager.default.currentDirectoryPath + "/Deploy/demo",
      URL(fileURLWithPath: executable).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Deploy/demo").path,
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/units.csv") }
  }

  /// Imports every file unless the marker exists; a failed file stops the load and leaves no
  /// marker, so the next start tries again (each import writes all of a file or nothing).
  func loadOnce(with client: ReformClient) async {
    guard !FileManager.default.fileExists(atPath: marker) else {
      logger.info("demo data already loaded", metadata: ["marker": "\(marker)"])
      return
    }
    for file in Self.files {
      let path = directory + "/" + file.name
      guard let data = FileManager.default.contents(atPath: path) else {
        logger.error("demo file missing", metadata: ["file": "\(path)"])
        return
      }
      let request = RegistryImportCsvRequest(
        kind: file.kind, csv: [UInt8](data), fileName: file.name, idempotencyKey: "demo-\(file.name)")
      do {
        let summary = SummaryBox()
        try await client.stream(RegistryService.ImportCsv.self, request, timeout: .seconds(600)) { event in
          if case .summary(let value)? = event.event { await summary.set(value) }
          if case .errors(let batch)? = event.event, let first = batch.errors.first {
            logger.error("demo file refused", metadata: ["file": "\(file.name)", "line": "\(first.line)", "error": "\(first.message)"])
          }
        }
        guard let result = await summary.value, result.applied else {
          logger.error("demo file not loaded", metadata: ["file": "\(file.name)"])
          return
        }
        logger.notice("demo data loaded", metadata: ["file": "\(file.name)", "rows": "\(result.rowsRead)"])
      } catch {
        logger.error("demo file not loaded", metadata: ["file": "\(file.name)", "error": "\(error)"])
        return
      }
    }
    // Indicators 1 and 4b come from the people and study records just loaded.
    for year in Self.years {
      do {
        _ = try await client.call(
          RegistryService.ComputeIndicators.self,
          ComputeIndicatorsRequest(setId: Self.indicatorSet, period: Period(type: .year, year: year), idempotencyKey: "demo-compute-\(year)"),
          timeout: .seconds(120))
      } catch {
        logger.error("demo indicators not computed", metadata: ["year": "\(year)", "error": "\(error)"])
        return
      }
    }
    do {
      try await loadModules(with: client)
    } catch {
      logger.error("demo data of the other modules not loaded", metadata: ["error": "\(error)"])
      return
    }
    _ = FileManager.default.createFile(atPath: marker, contents: Data("loaded from \(directory)\n".utf8))
  }

  private actor SummaryBox {
    var value: RegistryImportSummary?
    func set(_ summary: RegistryImportSummary) { value = summary }
  }
}
