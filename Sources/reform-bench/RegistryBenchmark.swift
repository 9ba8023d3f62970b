import Foundation
import Registry
import RegistryDomain
import ReformModule
import ReformWire

/// The registry at benchmark scale, in process: `DemoBloc.generate(seed:scale: .benchmark)`
/// (1,000 units, 100,000 people, values for 2021–2025) imported through `Registry.ImportCsv`
/// and reported through `Registry.Report`, both via ``RegistryModule`` and
/// `ModuleMethods.invoke` — every message encoded and decoded as a job from the hub would be —
/// on a real SQLite file in a fresh temporary folder.
///
/// Prints the import of the 100,000 people (target ≤ 10 s in a release build) and the median of
/// five reports over every unit × the set's 10 indicators × 5 periods, rows only (target
/// ≤ 300 ms), and the same report rendered as HTML.
enum RegistryBenchmark {
  static func run() async throws {
    let bench = try InProcessModule("registry") { try RegistryModule(databasePath: $0) }
    defer { bench.remove() }
    let methods = bench.methods
    let context = bench.job(
      RegistryService.ImportCsv.info, caller: Principal(id: "reform-bench", displayName: "reform-bench", roles: [.admin]))

    let bloc = DemoBloc.generate(seed: 2020, scale: .benchmark)
    print("reform-bench registry: in process on SQLite; \(bloc.tree.count) units, \(bloc.people.count) people")

    func importCSV(_ text: String, _ kind: RegistryCsvKind, _ name: String) async throws -> (Duration, RegistryImportSummary) {
      let started = ContinuousClock.now
      let events = try await methods.invokeStreaming(
        RegistryService.ImportCsv.self,
        RegistryImportCsvRequest(kind: kind, csv: Array(text.utf8), fileName: name, idempotencyKey: "bench-\(name)"),
        context: context)
      let elapsed = ContinuousClock.now - started
      guard case .summary(let summary)? = events.last?.event, summary.applied else {
        throw BenchmarkFailure(description: "\(name) was not imported")
      }
      return (elapsed, summary)
    }

    _ = try await importCSV(bloc.unitsCSV, .units, "units.csv")
    let (peopleTime, people) = try await importCSV(bloc.peopleCSV, .people, "people.csv")
    print("import people.csv   \(people.rowsRead) rows  \(peopleTime.millisecondsText) ms   (target ≤ 10,000 ms)")
    _ = try await importCSV(bloc.valuesCSV, .values, "values.csv")
    let periods = DemoBloc.years.map { ReformWire.Period(type: .year, year: Int32($0)) }
    for period in periods {
      _ = try await methods.invoke(
        RegistryService.ComputeIndicators.self, ComputeIndicatorsRequest(setId: bloc.set.id, period: period), context: context)
    }

    for (label, format) in [("rows", RegistryReportFormat.unspecified), ("html", .html)] {
      var times: [Duration] = []
      var rows = 0
      for _ in 0..<5 {
        let started = ContinuousClock.now
        let report = try await methods.invoke(
          RegistryService.Report.self,
          RegistryReportRequest(setId: bloc.set.id, periods: periods, format: format, omitRows: format != .unspecified),
          context: context)
        times.append(ContinuousClock.now - started)
        rows = max(rows, report.rows.count)
      }
      let median = times.sorted()[times.count / 2]
      let detail = format == .unspecified ? "\(rows) rows" : "rendered"
      print("report \(label.padding(toLength: 5, withPad: " ", startingAt: 0)) all units × \(bloc.set.indicators.count) indicators × \(periods.count) periods, \(detail): median \(median.millisecondsText) ms of 5 (target ≤ 300 ms for rows)")
    }
  }

  struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
  }
}
