import Foundation
import ReformModule
import ReformStore
import ReformWire
import Registry
import RegistryDomain

/// The registry at the size of a province's Party organisation, on its two stores side by side
/// in one run: a generated bloc (`DemoBloc.generate`, 10,000 units and 1,000,000 people by
/// default) imported into a SQLite file, then into a fresh PostgreSQL schema, each by two
/// module instances on the store — two workers, each holding the registry in memory — called
/// in process through `ModuleMethods.invoke` (every message encoded and decoded as a job from
/// the hub would be).
///
/// Per store it prints: the import of the people (`ImportCsv`, files of 100,000 rows, each one
/// write: validated in memory, then stored in one transaction), the first report by the second
/// worker (a cold load of the whole registry), the median of five reports over every unit for
/// one year (target ≤ 1 s), and what one value change costs the next report: the median of
/// five reports through the second worker each after the first worker changed one value,
/// against the median with nothing changed (target: independent of the registry's size —
/// compare a run with `--units 1000 --people 100000`); then the same for one person: the median
/// of five `UpdatePerson` calls on the first worker, and of the `GetPerson` of that person on
/// the second worker after each (which takes the change in).
enum RegistryScaleBenchmark {
  static let usage =
    "usage: reform-bench registry-scale [--database-url postgres://USER@HOST:PORT/DATABASE] [--units N] [--people N]"

  static func run(_ arguments: [String]) async throws {
    var databaseURL: String?
    var units = 10_000
    var people = 1_000_000
    var index = 0
    while index < arguments.count {
      let value = index + 1 < arguments.count ? arguments[index + 1] : ""
      switch arguments[index] {
      case "--database-url": databaseURL = value
      case "--units": units = Int(value) ?? units
      case "--people": people = Int(value) ?? people
      default:
        print(usage)
        exit(64)
      }
      index += 2
    }
    let grassroots = max(1, units / 4)
    let scale = DemoScale(grassrootsOrganisations: grassroots, subordinateCells: max(1, units - grassroots - 1), people: people)
    let generated = ContinuousClock.now
    let bloc = DemoBloc.generate(seed: 2020, scale: scale)
    print(
      "reform-bench registry-scale: \(bloc.tree.count) units, \(bloc.people.count) people, \(bloc.values.count) values;"
        + " generated in \((ContinuousClock.now - generated).millisecondsText) ms")

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reform-bench-registry-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var stores: [(String, StoreLocation)] = [("SQLite", .sqlite(path: folder.appendingPathComponent("registry.sqlite").path))]
    var schema: (settings: PostgresSettings, name: String)?
    if let databaseURL {
      let settings = try PostgresSettings(url: databaseURL)
      let name = "registry_bench_\(getpid())"
      schema = (settings, name)
      stores.append(("PostgreSQL", .postgres(settings, schema: name)))
    }

    print(
      "store        import people   cold report   report 1 year   after 1 change   change cost   write"
        + "   person write   read after")
    for (label, location) in stores {
      let figures = try await measure(bloc, on: location)
      print(
        label.padding(toLength: 12, withPad: " ", startingAt: 0)
          + " \(pad(figures.importPeople, 13)) \(pad(figures.coldReport, 13)) \(pad(figures.report, 15))"
          + " \(pad(figures.reportAfterChange, 16)) \(pad(figures.reportAfterChange - figures.report, 13)) \(pad(figures.change, 7))"
          + " \(pad(figures.personChange, 14)) \(pad(figures.personRead, 12))")
    }
    print("times in ms; report: every unit × \(bloc.set.indicators.count) indicators, 1 year, rows; median of 5")
    if let schema { try await ExchangeStoresBenchmark.drop(schema.name, on: schema.settings) }
  }

  struct Figures {
    var importPeople: Duration
    var coldReport: Duration
    var report: Duration
    var reportAfterChange: Duration
    var change: Duration
    var personChange: Duration
    var personRead: Duration
  }

  static func measure(_ bloc: DemoBloc, on location: StoreLocation) async throws -> Figures {
    let first = try methods(location)
    let second = try methods(location)
    let caller = Principal(id: "reform-bench", displayName: "reform-bench", roles: [.admin])
    let context = JobContext(
      jobID: 1, method: RegistryService.ImportCsv.info.path, caller: caller,
      worker: WorkerIdentity(id: "bench", module: "registry", pid: getpid(), host: "localhost", version: "bench"))

    /// `body`'s answer, and how long it took.
    func timed<Answer>(_ body: () async throws -> Answer) async throws -> (answer: Answer, took: Duration) {
      let started = ContinuousClock.now
      let answer = try await body()
      return (answer, ContinuousClock.now - started)
    }
    func importCSV(_ text: String, _ kind: RegistryCsvKind, _ name: String) async throws -> Duration {
      var total = Duration.zero
      for (part, chunk) in chunks(text, rows: 100_000).enumerated() {
        let file = RegistryImportCsvRequest(
          kind: kind, csv: Array(chunk.utf8), fileName: name, idempotencyKey: "bench-\(name)-\(part)")
        let (events, took) = try await timed {
          try await first.invokeStreaming(RegistryService.ImportCsv.self, file, context: context)
        }
        total += took
        guard case .summary(let summary)? = events.last?.event, summary.applied else {
          throw RegistryBenchmark.BenchmarkFailure(description: "\(name) part \(part) was not imported")
        }
      }
      return total
    }

    _ = try await importCSV(bloc.unitsCSV, .units, "units.csv")
    let importPeople = try await importCSV(bloc.peopleCSV, .people, "people.csv")
    _ = try await importCSV(bloc.valuesCSV, .values, "values.csv")

    let year = ReformWire.Period(type: .year, year: 2025)
    let request = RegistryReportRequest(setId: bloc.set.id, periods: [year])
    func report() async throws -> Duration {
      try await timed { try await second.invoke(RegistryService.Report.self, request, context: context) }.took
    }
    let coldReport = try await report()
    var quiet: [Duration] = []
    for _ in 0..<5 { quiet.append(try await report()) }

    // One grassroots unit's value of 3b, changed by the first worker before each report.
    guard
      let unit = bloc.tree.unitsByCode.values.filter({ [.grassrootsCommittee, .grassrootsCell].contains($0.kind) })
        .map(\.code).min()
    else { throw RegistryBenchmark.BenchmarkFailure(description: "the bloc has no grassroots unit") }
    var afterChange: [Duration] = []
    var changes: [Duration] = []
    for round in 0..<5 {
      let values = ReportValuesRequest(
        setId: bloc.set.id, unitCode: unit, period: year,
        entries: [IndicatorValueEntry(indicatorCode: "3b", numerator: Int64(100 + round), denominator: 1_000)])
      changes.append(try await timed { try await first.invoke(RegistryService.ReportValues.self, values, context: context) }.took)
      afterChange.append(try await report())
    }
    // One person's position, changed by the first worker, then read through the second.
    guard let someone = bloc.people.first?.id else { throw RegistryBenchmark.BenchmarkFailure(description: "the bloc has no people") }
    var personChanges: [Duration] = []
    var personReads: [Duration] = []
    for round in 0..<5 {
      let change = UpdatePersonRequest(
        person: ReformWire.Person(id: someone, position: "Chuyên viên bậc \(round + 2)"), updateFields: ["position"])
      personChanges.append(try await timed { try await first.invoke(RegistryService.UpdatePerson.self, change, context: context) }.took)
      let (read, took) = try await timed {
        try await second.invoke(RegistryService.GetPerson.self, GetPersonRequest(id: someone), context: context)
      }
      personReads.append(took)
      guard read.person?.position == "Chuyên viên bậc \(round + 2)" else {
        throw RegistryBenchmark.BenchmarkFailure(description: "the second worker did not see the person's change")
      }
    }
    return Figures(
      importPeople: importPeople, coldReport: coldReport, report: median(quiet), reportAfterChange: median(afterChange),
      change: median(changes), personChange: median(personChanges), personRead: median(personReads))
  }

  /// A registry module on `location`, as one worker.
  static func methods(_ location: StoreLocation) throws -> ModuleMethods {
    var methods = ModuleMethods()
    try RegistryModule(store: location).register(into: &methods)
    return methods
  }

  /// `text` as files of at most `rows` data rows, each with the header line (the generated
  /// files have no line break inside a field).
  static func chunks(_ text: String, rows: Int) -> [String] {
    var lines = text.split(whereSeparator: \.isNewline)
    guard !lines.isEmpty else { return [] }
    let header = lines.removeFirst()
    return stride(from: 0, to: max(lines.count, 1), by: rows).map { start in
      ([header] + lines[start..<min(start + rows, lines.count)]).joined(separator: "\r\n") + "\r\n"
    }
  }

  static func median(_ times: [Duration]) -> Duration { times.sorted()[times.count / 2] }

  static func pad(_ duration: Duration, _ width: Int) -> String {
    let text = duration.millisecondsText
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
