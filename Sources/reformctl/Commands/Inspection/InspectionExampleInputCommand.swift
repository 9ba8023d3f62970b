import ArgumentParser
import Foundation

/// `reformctl inspection example-input`: prints a generated plan input file
/// (``ExamplePlanInput``), offline.
struct InspectionExampleInputCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "example-input",
    abstract: "Print a made-up plan input file, to start from or to try the planner with.",
    discussion: """
      Prints JSON in the format 'inspection plan --input' reads: made-up units, teams with \
      inspectors and their leave, blackouts and risks, the same for the same --seed. Needs no \
      coordinator. Example: reformctl inspection example-input --units 60 --teams 6 > input.json
      """
  )

  @Option(help: "Grassroots units, each with one visit due (one in ten with a second).") var units: Int = 60

  @Option(help: "Teams, of 3–5 inspectors each.") var teams: Int = 6

  @Option(help: "Seed: the same seed gives the same file.") var seed: UInt64 = 1

  @Option(help: "The programme's year.") var year: Int32 = 2026

  func validate() throws {
    guard (1...5_000).contains(units) else { throw ValidationError("--units must be 1 to 5000") }
    guard (1...200).contains(teams) else { throw ValidationError("--teams must be 1 to 200") }
    guard (1900...2199).contains(year) else { throw ValidationError("--year must be 1900 to 2199") }
  }

  func run() throws {
    let file = ExamplePlanInput.generate(units: units, teams: teams, seed: seed, year: year)
    FileHandle.standardOutput.write(Data(OrderedJSONWriter.write(file).utf8))
  }
}
