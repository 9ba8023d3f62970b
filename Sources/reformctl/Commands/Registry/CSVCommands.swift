import ArgumentParser
import ReformWire

/// `reformctl units`: the bloc's units — import from CSV (all or nothing) and export.
struct UnitsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "units",
    abstract: "Import or export the unit tree as CSV.",
    subcommands: [Import.self, Export.self]
  )

  struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration.withExitStatus(
      abstract: "Import units from a UTF-8 CSV file: every line is checked, and nothing is written if any line is wrong.")
    @OptionGroup(title: "Connection") var options: GlobalOptions
    @Argument(help: "The CSV file (the columns of 'reformctl units export').") var file: String
    @Flag(help: "Check the file and report, writing nothing.") var dryRun = false

    func run() async throws {
      try await RegistryCSV.importFile(file, kind: .units, dryRun: dryRun, options: options)
    }
  }

  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export units as CSV, in the import's columns.")
    @OptionGroup(title: "Connection") var options: GlobalOptions
    @OptionGroup var export: ExportOptions

    func run() async throws {
      try await RegistryCSV.export(
        kind: .units, subtree: export.unit, includeClosed: export.includeClosed, bom: export.bom, output: export.output,
        options: options)
    }
  }
}

/// `reformctl members`: the people of the bloc — import from CSV (all or nothing) and export.
struct MembersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "members",
    abstract: "Import or export people (Party members, cadres, civil servants, employees) as CSV.",
    subcommands: [Import.self, Export.self]
  )

  struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration.withExitStatus(
      abstract: "Import people from a UTF-8 CSV file: every line is checked, and nothing is written if any line is wrong.")
    @OptionGroup(title: "Connection") var options: GlobalOptions
    @Argument(help: "The CSV file (the columns of 'reformctl members export').") var file: String
    @Flag(help: "Check the file and report, writing nothing.") var dryRun = false
    @Flag(help: "The file holds study records of the reform documents, not people.") var studies = false

    func run() async throws {
      try await RegistryCSV.importFile(file, kind: studies ? .studies : .people, dryRun: dryRun, options: options)
    }
  }

  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export people (or their study records) as CSV.")
    @OptionGroup(title: "Connection") var options: GlobalOptions
    @OptionGroup var export: ExportOptions
    @Flag(help: "Export study records instead of people.") var studies = false

    func run() async throws {
      try await RegistryCSV.export(
        kind: studies ? .studies : .people, subtree: export.unit, includeClosed: export.includeClosed, bom: export.bom,
        output: export.output, options: options)
    }
  }
}

/// `reformctl values`: indicator values reported by units — import from CSV and export.
struct ValuesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "values",
    abstract: "Import or export indicator values as CSV.",
    subcommands: [Import.self, Export.self]
  )

  struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration.withExitStatus(abstract: "Import indicator values from a UTF-8 CSV file: all or nothing.")
    @OptionGroup(title: "Connection") var options: GlobalOptions
    @Argument(help: "The CSV file (the columns of 'reformctl values export').") var file: String
    @Option(help: "The indicator set, when the file does not name it.") var set: String = ""
    @Flag(help: "Check the file and report, writing nothing.") var dryRun = false

    func run() async throws {
      try await RegistryCSV.importFile(file, kind: .values, setId: set, dryRun: dryRun, options: options)
    }
  }

  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export indicator values as CSV.")
    @OptionGroup(title: "Connection") var options: GlobalOptions
    @OptionGroup var export: ExportOptions
    @Option(help: "The indicator set.") var set: String = ""
    @Option(help: "A period to export (repeat for several); all when omitted.") var period: [PeriodArgument] = []

    func run() async throws {
      try await RegistryCSV.export(
        kind: .values, subtree: export.unit, setId: set, periods: period.map(\.period), includeClosed: export.includeClosed,
        bom: export.bom, output: export.output, options: options)
    }
  }
}

/// The options every CSV export takes.
struct ExportOptions: ParsableArguments {
  @Option(help: "Only this unit's subtree; the whole bloc when omitted.") var unit: String = ""
  @Flag(help: "Include closed units and departed people.") var includeClosed = false
  @Flag(help: "Start the file with a UTF-8 byte order mark, for spreadsheet programs that want one.") var bom = false
  @Option(help: "Write to this file instead of standard output.") var output: String?
}
