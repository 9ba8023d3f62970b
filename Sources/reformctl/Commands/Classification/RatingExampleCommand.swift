import ArgumentParser

/// `reformctl rating example > danh-gia-2026.csv`: an evaluations file with every column
/// and a few rows, for a unit's secretary to open in a spreadsheet, fill in and submit.
struct RatingExampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "example",
    abstract: "Print an example evaluations file (CSV, every column) to fill in and submit.",
    discussion: "The columns are explained in 'reformctl rating submit --help'."
  )

  func run() {
    print(RatingEvaluationFile.example, terminator: "")
  }
}
