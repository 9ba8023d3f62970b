import ArgumentParser
import Foundation
import ReformWire

/// `reformctl rating run --unit CODE --year 2025 [--final]`: rates a unit subtree for a
/// year by `Classification.Run`, and prints the count per level, the quota's demotions group
/// by group, and what the run noticed.
struct RatingRunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "run", abstract: "Rate a unit subtree for a year: a dry run to review, or --final to make the year's locked ratings.",
    details: """
      Collectives are rated first, then people (a leader's rules read the collective they \
      lead), then the quota on HTXSNV is applied. A dry run keeps its results under its run id \
      for review ('rating results --run ID'). A final run is refused while any subject in scope \
      already has a final rating for the year, unless --rerun-reason says why it is rated again; \
      the earlier ratings are kept as superseded and the rerun is recorded with who, when and why.
      """)

  /// Groups of the quota shown; the rest are counted.
  static let groupsShown = 30

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Option(help: "The root of the subtree rated; the whole bloc when omitted.") var unit: String = ""

  @Option(help: "The year rated.") var year: Int32

  @Option(help: ArgumentHelp("The rule set; by default the one that applies to the year.", valueName: "id"))
  var ruleSet: String = ""

  @Option(help: ArgumentHelp("The rule set's version; the latest when omitted.", valueName: "n"))
  var ruleSetVersion: Int32 = 0

  @Option(help: "Only this subject kind (repeat for several): party-member, civil-servant, public-employee, collective.")
  var kind: [RatingKindArgument] = []

  @Flag(help: "Make the results the year's ratings, locked; without it, a dry run.") var final = false

  @Option(help: ArgumentHelp("Why a final run rates again subjects that already have final ratings.", valueName: "reason"))
  var rerunReason: String = ""

  @Option(help: "A note recorded with the run.") var note: String = ""

  func validate() throws {
    guard (1900...9999).contains(year) else { throw ValidationError("--year \(year): not a year") }
    guard ruleSetVersion >= 0 else { throw ValidationError("--rule-set-version must be 0 (latest) or more") }
    if !rerunReason.isEmpty, !final { throw ValidationError("--rerun-reason goes with --final: a dry run locks nothing") }
  }

  func run() async throws {
    let request = ClassificationRunRequest(
      unitCode: unit, year: year, ruleSetId: ruleSet, ruleSetVersion: ruleSetVersion, subjectKinds: kind.map(\.kind),
      mode: final ? .final : .dryRun, rerunReason: rerunReason, note: note, idempotencyKey: UUID().uuidString)
    let response = try await options.call(ClassificationService.Run.self, request, timeoutAtLeast: .seconds(600))
    print(Self.render(response))
  }

  /// The run in lines: what was rated, the levels, the quota's demotions, a rerun's changes,
  /// and the issues noticed.
  static func render(_ response: ClassificationRunResponse) -> String {
    let run = response.run ?? ClassificationRun()
    let final = run.mode == .final
    var lines: [String] = []
    let root = run.unitCode.isEmpty ? "the whole bloc" : "the subtree of \(run.unitCode)"
    lines.append(
      "run \(run.id) (\(final ? "final, locked" : "dry run")): \(root), \(run.year), rule set \(run.ruleSetId) "
        + "version \(run.ruleSetVersion), \(run.subjectKinds.map(RatingText.kind).joined(separator: ", "))")
    lines.append("started \(Format.wallClock(run.startedAt)) by \(RatingText.principal(run.startedBy)), finished \(Format.wallClock(run.finishedAt))")
    lines.append("")
    lines.append(levelTable(run.levels, rated: run.ratedCount))

    let groups = response.quotaGroups.filter { $0.demoted > 0 }
    lines.append("")
    if groups.isEmpty {
      lines.append("quota: no demotion (\(response.quotaGroups.count) groups within their quota)")
    } else {
      lines.append("quota: \(run.quotaDemotions) demoted from HTXSNV to HTTNV in \(groups.count) of \(response.quotaGroups.count) groups")
      var table = TextTable([
        .text("QUOTA UNIT"), .text("DUTY GROUP"), .text("KIND"), .number("HTXSNV BEFORE"), .number("HTTNV BEFORE"),
        .number("ALLOWED"), .number("DEMOTED"), .text("EXCEPTION"),
      ])
      for group in groups.prefix(groupsShown) {
        table.append([
          group.quotaUnitCode, Format.orDash(group.dutyGroup), RatingText.kind(group.subjectKind), String(group.excellentBefore),
          String(group.goodBefore), String(group.allowedExcellent), String(group.demoted), Format.orDash(group.exceptionId),
        ])
      }
      lines.append(table.render())
      if groups.count > groupsShown {
        lines.append("… \(groups.count - groupsShown) more groups; every demoted subject: reformctl rating results --run \(run.id) --demoted")
      }
    }
    if !run.supersededRunIds.isEmpty {
      lines.append("")
      lines.append(
        "rerun: superseded \(run.supersededRunIds.joined(separator: ", ")); \(run.changedCount) subjects changed level; "
          + "reason: \(Format.orDash(run.rerunReason))")
    }
    if !run.issues.isEmpty {
      lines.append("")
      lines.append("issues (\(run.issues.count)):")
      for issue in run.issues.prefix(50) {
        lines.append("  \(issue.code) \(RatingText.kind(issue.subjectKind)) \(issue.subjectId): \(issue.message)")
      }
      if run.issues.count > 50 { lines.append("  … \(run.issues.count - 50) more") }
    }
    if !final {
      lines.append("")
      lines.append("nothing is locked: review with 'reformctl rating results --run \(run.id)', then run again with --final")
    }
    return lines.joined(separator: "\n")
  }

  /// Counts and shares per level, best first, with the total.
  static func levelTable(_ levels: [RatingLevelCount], rated: Int64) -> String {
    var table = TextTable([.text("LEVEL"), .text("NAME"), .number("COUNT"), .number("SHARE")])
    for level in RatingText.levels {
      let count = levels.first { $0.level == level }
      table.append([
        RatingText.level(level), RatingText.levelName(level), String(count?.count ?? 0),
        RatingText.share(count?.shareBasisPoints ?? 0),
      ])
    }
    table.append(["", "rated", String(rated), rated > 0 ? "100.00%" : "-"])
    return table.render()
  }
}
