import ArgumentParser
import Foundation
import ReformWire

/// `reformctl rating summary --year 2025 [--unit CODE] [--by-child]`: counts and shares per
/// level over a unit subtree, beside last year's, by `Classification.Summary`.
struct RatingSummaryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "summary", abstract: "Count ratings per level over a unit subtree, with last year's for comparison; --by-child for each child unit.",
    details: """
      CSV has one line per unit, subject kind and level: unit_code, unit_name, part (total or \
      child), subject_kind, rated, previous_rated, level, count, share, previous_count, \
      previous_share, count_change, share_change, quota_demotions.
      """)

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "The year rated.") var year: Int32

  @Option(help: "The root unit; the whole bloc (or your own unit) when omitted.") var unit: String = ""

  @Flag(help: "Also one summary per direct child unit, each over its own subtree.") var byChild = false

  @Option(help: "Only this subject kind (repeat for several).") var kind: [RatingKindArgument] = []

  @Option(help: ArgumentHelp("A run's results instead of the final ones.", valueName: "run-id")) var run: String = ""

  @Option(help: "table or csv.") var format: RatingOutputFormat = .table

  func validate() throws {
    guard (1900...9999).contains(year) else { throw ValidationError("--year \(year): not a year") }
  }

  func run() async throws {
    let request = ClassificationSummaryRequest(
      year: year, unitCode: unit, subjectKinds: kind.map(\.kind), byChildUnit: byChild, runId: run)
    let response = try await options.call(ClassificationService.Summary.self, request, timeoutAtLeast: .seconds(120))
    switch format {
    case .csv: FileHandle.standardOutput.write(Data(Self.csv(response).utf8))
    case .table: print(Self.render(response, year: year))
    }
  }

  static func render(_ response: ClassificationSummaryResponse, year: Int32) -> String {
    var blocks: [String] = []
    for total in response.totals where total.ratedCount > 0 || total.previousRatedCount > 0 {
      var lines: [String] = []
      let root = total.unitCode.isEmpty ? "the whole bloc" : "\(total.unitCode)\(total.unitName.isEmpty ? "" : " (\(total.unitName))")"
      lines.append(
        "\(RatingText.kindName(total.subjectKind)) — \(root), \(total.year): \(total.ratedCount) rated "
          + "(\(total.year - 1): \(total.previousRatedCount)); \(total.quotaDemotions) demoted by the quota")
      var table = TextTable([
        .text("LEVEL"), .text("NAME"), .number("COUNT"), .number("SHARE"), .number("LAST YEAR"), .number("LAST SHARE"),
        .number("CHANGE"), .number("SHARE CHANGE"),
      ])
      for level in RatingText.levels {
        let count = total.levels.first { $0.level == level } ?? RatingLevelCount(level: level)
        table.append([
          RatingText.level(level), RatingText.levelName(level), String(count.count), RatingText.share(count.shareBasisPoints),
          String(count.previousCount), RatingText.share(count.previousShareBasisPoints), RatingText.countChange(count.countChange),
          RatingText.shareChange(count.shareChangeBasisPoints),
        ])
      }
      lines.append(table.render())
      blocks.append(lines.joined(separator: "\n"))
    }
    if blocks.isEmpty { blocks.append("no ratings for \(year) or \(year - 1) in scope") }
    if !response.children.isEmpty {
      var table = TextTable([
        .text("UNIT"), .text("NAME"), .text("KIND"), .number("RATED"), .number("HTXSNV"), .number("HTTNV"), .number("HTNV"),
        .number("KHTNV"), .number("DEMOTED"), .number("LAST YEAR"),
      ])
      for child in response.children {
        let cells = RatingText.levels.map { level -> String in
          guard let count = child.levels.first(where: { $0.level == level }) else { return "0" }
          return "\(count.count) (\(RatingText.share(count.shareBasisPoints)))"
        }
        table.append(
          [child.unitCode, Format.orDash(child.unitName), RatingText.kind(child.subjectKind), String(child.ratedCount)] + cells
            + [String(child.quotaDemotions), String(child.previousRatedCount)])
      }
      blocks.append("by child unit:\n" + table.render())
    }
    return blocks.joined(separator: "\n\n")
  }

  static func csv(_ response: ClassificationSummaryResponse) -> String {
    var text = CSVText.line([
      "unit_code", "unit_name", "part", "subject_kind", "rated", "previous_rated", "level", "count", "share",
      "previous_count", "previous_share", "count_change", "share_change", "quota_demotions",
    ])
    for (part, summaries) in [("total", response.totals), ("child", response.children)] {
      for summary in summaries {
        for level in RatingText.levels {
          let count = summary.levels.first { $0.level == level } ?? RatingLevelCount(level: level)
          text += CSVText.line([
            summary.unitCode, summary.unitName, part, RatingText.kind(summary.subjectKind), String(summary.ratedCount),
            String(summary.previousRatedCount), RatingText.level(level), String(count.count),
            RatingText.share(count.shareBasisPoints), String(count.previousCount),
            RatingText.share(count.previousShareBasisPoints), String(count.countChange),
            RatingText.share(count.shareChangeBasisPoints), String(summary.quotaDemotions),
          ])
        }
      }
    }
    return text
  }
}
