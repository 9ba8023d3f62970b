import ArgumentParser

/// `reformctl rating`: the year-end rating (đánh giá, xếp loại chất lượng) of Party members,
/// civil servants and collectives, through the classification module — submit evaluations
/// from a spreadsheet, run a rule set, read, explain, summarise and export the ratings, and
/// manage quota exceptions.
struct RatingCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rating",
    abstract: "Year-end rating: submit evaluations, run, results, explain, summary, rule sets, export, quota exceptions.",
    discussion: """
      A year's rating, step by step: 'rating submit evaluations.csv' (each unit, or the bloc \
      at once); 'rating run --year 2025' to review a dry run; 'rating run --year 2025 --final' \
      to lock the year's ratings; then 'rating results', 'rating explain', 'rating summary' \
      and 'rating export'. Levels: HTXSNV (Hoàn thành xuất sắc nhiệm vụ), HTTNV (Hoàn thành \
      tốt nhiệm vụ), HTNV (Hoàn thành nhiệm vụ), KHTNV (Không hoàn thành nhiệm vụ).
      """,
    subcommands: [
      RatingSubmitCommand.self, RatingRunCommand.self, RatingResultsCommand.self, RatingExplainCommand.self,
      RatingSummaryCommand.self, RatingRuleSetsCommand.self, RatingRuleSetCommand.self, RatingExportCommand.self,
      RatingExceptionCommand.self, RatingExampleCommand.self,
    ]
  )
}
