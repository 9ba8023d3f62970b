import ArgumentParser
import Foundation
import ReformWire

/// `reformctl rating results --year 2025`: the year's final ratings (or one run's), every
/// page of `Classification.ListResults`, as a table or CSV.
struct RatingResultsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "results", abstract: "List ratings: the year's final ones, or a run's; filter by unit subtree, level, kind or demotion.",
    details: """
      CSV columns, spelt as 'rating export' spells them: subject_kind, subject_id, \
      subject_name, unit_code, quota_unit_code, duty_group, year, score (points, two decimals), \
      level, level_before_quota, quota_demoted, run_id, locked. 'rating export' adds every \
      failed rule of each.
      """)

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "The year rated.") var year: Int32

  @Option(help: "Only this unit's subtree; the whole bloc (or your own unit) when omitted.") var unit: String = ""

  @Option(help: "Only this level (repeat for several): HTXSNV, HTTNV, HTNV, KHTNV.") var level: [RatingLevelArgument] = []

  @Option(help: "Only this subject kind (repeat for several).") var kind: [RatingKindArgument] = []

  @Option(help: ArgumentHelp("A run's results (e.g. a dry run to review) instead of the final ones.", valueName: "run-id"))
  var run: String = ""

  @Flag(help: "Only subjects the quota demoted.") var demoted = false

  @Option(help: "table or csv.") var format: RatingOutputFormat = .table

  @Option(help: ArgumentHelp("At most this many ratings; all when 0.", valueName: "count")) var limit = 0

  func validate() throws {
    guard (1900...9999).contains(year) else { throw ValidationError("--year \(year): not a year") }
    guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more") }
  }

  static let csvHeader = [
    "subject_kind", "subject_id", "subject_name", "unit_code", "quota_unit_code", "duty_group", "year", "score", "level",
    "level_before_quota", "quota_demoted", "run_id", "locked",
  ]

  func run() async throws {
    let base = ClassificationListResultsRequest(
      year: year, runId: run, unitCode: unit, subjectKinds: kind.map(\.kind), levels: level.map(\.level),
      quotaDemotedOnly: demoted)
    let (timeout, format, limit) = (options.callTimeout, format, limit)
    if format == .csv { FileHandle.standardOutput.write(Data(CSVText.line(Self.csvHeader).utf8)) }
    let ratings = try await options.withClient { client in
      var request = base
      var kept: [Rating] = []
      var count = 0
      repeat {
        let size = limit == 0 ? 1_000 : min(1_000, limit - count)
        request.page = PageRequest(pageSize: Int32(size), pageToken: request.page?.pageToken ?? "")
        let response = try await client.call(ClassificationService.ListResults.self, request, timeout: timeout)
        count += response.ratings.count
        if format == .csv {
          // Written page by page: a bloc's ratings need not fit in memory twice.
          let text = response.ratings.map { CSVText.line(Self.csvRow($0)) }.joined()
          FileHandle.standardOutput.write(Data(text.utf8))
        } else {
          kept += response.ratings
        }
        request.page?.pageToken = response.page?.nextPageToken ?? ""
      } while !(request.page?.pageToken.isEmpty ?? true) && (limit == 0 || count < limit)
      return kept
    }
    guard format == .table else { return }
    let columns: [TextTable.Column] = [
      .text("KIND"), .text("ID"), .text("NAME"), .text("UNIT"), .text("DUTY GROUP"), .number("SCORE"), .text("LEVEL"),
      .text("BEFORE QUOTA"), .text("RUN"),
    ]
    let none = run.isEmpty ? "no final \(year) ratings match" : "run \(run) rated nothing that matches"
    TextTable.print(ratings, columns: columns, ifNone: none) { rating in
      [
        RatingText.kind(rating.subjectKind), rating.subjectId, Format.orDash(rating.subjectName), rating.unitCode,
        Format.orDash(rating.dutyGroup), rating.scored ? RatingText.points(rating.scoreHundredths) : "-",
        RatingText.level(rating.level),
        rating.quotaDemotion != nil ? RatingText.level(rating.levelBeforeQuota) + " (demoted)" : "-",
        rating.runId + (rating.locked ? "" : " (dry run)"),
      ]
    }
  }

  /// One rating as `Classification.ExportCsv` writes it: kinds as the proto names them,
  /// levels by their Vietnamese names, `true` and `false`.
  static func csvRow(_ rating: Rating) -> [String] {
    [
      Format.enumName(rating.subjectKind.description, prefix: "RATING_SUBJECT_KIND_").uppercased(), rating.subjectId,
      rating.subjectName, rating.unitCode, rating.quotaUnitCode, rating.dutyGroup, String(rating.year),
      rating.scored ? RatingText.points(rating.scoreHundredths) : "", RatingText.levelName(rating.level),
      RatingText.levelName(rating.levelBeforeQuota), rating.quotaDemotion != nil ? "true" : "false", rating.runId,
      rating.locked ? "true" : "false",
    ]
  }
}
