import ArgumentParser
import ReformClient
import ReformWire

/// `reformctl rating explain P000123 --year 2025`: why a subject got its level, from
/// `Classification.Explain` — every rule held or failed with its source, the quota's
/// demotion with its tie-break, the collectives a leader leads, and the Vietnamese narrative.
struct RatingExplainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration.withExitStatus(
    "explain", abstract: "Explain one rating: each rule with its source and outcome, any quota demotion and its tie-break, in Vietnamese too.",
    details: """
      Without --kind, a person's ratings of every kind are explained (a person may be rated as \
      a Party member and as a civil servant); give --kind collective and a unit code for a \
      collective.
      """)

  @OptionGroup(title: "Connection") var options: GlobalOptions

  @Argument(help: "The person's id, or a collective's unit code with --kind collective.") var subject: String

  @Option(help: "The year rated.") var year: Int32

  @Option(help: "The subject kind; every person kind when omitted.") var kind: RatingKindArgument?

  @Option(help: ArgumentHelp("A run's result instead of the final one.", valueName: "run-id")) var run: String = ""

  func validate() throws {
    guard (1900...9999).contains(year) else { throw ValidationError("--year \(year): not a year") }
  }

  func run() async throws {
    let kinds: [RatingSubjectKind] = kind.map { [$0.kind] } ?? [.partyMember, .civilServant, .publicEmployee]
    let (subject, year, run, timeout) = (subject, year, run, options.callTimeout)
    let found = try await options.withClient { client in
      var found: [ClassificationExplainResponse] = []
      for kind in kinds {
        let request = ClassificationExplainRequest(subjectKind: kind, subjectId: subject, year: year, runId: run)
        do {
          let response = try await client.call(ClassificationService.Explain.self, request, timeout: timeout)
          found.append(response)
        } catch let error as ReformError where error.code == .notFound && kinds.count > 1 {
          continue
        }
      }
      return found
    }
    guard !found.isEmpty else {
      let what = run.isEmpty ? "no final \(year) rating" : "no rating in run \(run)"
      StandardError.print("reformctl: NOT_FOUND: subject_id: \(subject) has \(what) as a party member, civil servant or public employee")
      throw ExitStatus.refused
    }
    print(found.map(Self.render).joined(separator: "\n\n"))
  }

  /// The explanation in lines: who, the result, each rule, the quota, the led collectives,
  /// and the narrative.
  static func render(_ response: ClassificationExplainResponse) -> String {
    let rating = response.rating ?? Rating()
    var lines: [String] = []
    let name = rating.subjectName.isEmpty ? "" : " (\(rating.subjectName))"
    lines.append("\(RatingText.kindName(rating.subjectKind)) \(rating.subjectId)\(name), unit \(rating.unitCode), year \(rating.year)")
    let state = rating.locked ? (rating.supersededByRunId.isEmpty ? "final, locked" : "superseded by \(rating.supersededByRunId)") : "dry run"
    lines.append(
      "rule set \(rating.ruleSetId) version \(rating.ruleSetVersion); run \(rating.runId) (\(state)), rated \(Format.wallClock(rating.ratedAt))")
    if rating.scored {
      var score = "score \(RatingText.points(rating.scoreHundredths))"
      if case .person(let person)? = response.input, let scores = person.scores {
        score += " (common criteria \(RatingText.points(scores.commonCriteriaHundredths)) + task results \(RatingText.points(scores.taskResultsHundredths)))"
      } else if case .collective(let collective)? = response.input, let scores = collective.scores {
        score += " (common criteria \(RatingText.points(scores.commonCriteriaHundredths)) + task results \(RatingText.points(scores.taskResultsHundredths)))"
      }
      lines.append(score)
    }
    let before = rating.quotaDemotion != nil ? " (\(RatingText.level(rating.levelBeforeQuota)) before the quota)" : ""
    lines.append("level \(RatingText.level(rating.level)): \(RatingText.levelName(rating.level))\(before)")

    lines.append("")
    var table = TextTable([.number("#"), .text("RULE"), .text("OUTCOME"), .text("LEVEL AFTER"), .text("SOURCE"), .text("DETAIL")])
    for (index, check) in rating.checks.enumerated() {
      table.append([
        String(index + 1), check.ruleId, RatingText.outcome(check.outcome), RatingText.level(check.levelAfter),
        RatingText.citation(check.source), Format.orDash(check.detail),
      ])
    }
    lines.append(table.render())

    if let demotion = rating.quotaDemotion {
      lines.append("")
      lines.append(
        "quota \(demotion.ruleId) (\(RatingText.citation(demotion.source))): demoted \(RatingText.level(demotion.fromLevel)) "
          + "to \(RatingText.level(demotion.toLevel))")
      let group = demotion.dutyGroup.isEmpty ? "unit \(demotion.quotaUnitCode)" : "unit \(demotion.quotaUnitCode), duty group \(demotion.dutyGroup)"
      lines.append(
        "  group \(group): \(demotion.excellentBefore) HTXSNV and \(demotion.goodBefore) HTTNV before; share "
          + "\(RatingText.share(demotion.shareBasisPoints)); \(demotion.allowedExcellent) HTXSNV allowed")
      let exception = demotion.exceptionId.isEmpty ? "" : "; exception \(demotion.exceptionId)"
      let decided =
        demotion.decidedBy == .unspecified
        ? "no HTXSNV was kept in the group" : "decided by \(RatingText.tieBreak(demotion.decidedBy))"
      lines.append("  demoted number \(demotion.demotionOrder) in the group; \(decided)\(exception)")
      if !demotion.reason.isEmpty { lines.append("  \(demotion.reason)") }
    }
    if !response.ledCollectives.isEmpty {
      lines.append("")
      for led in response.ledCollectives {
        let score = led.scored ? ", score \(RatingText.points(led.scoreHundredths))" : ""
        lines.append("leads \(led.subjectId)\(led.subjectName.isEmpty ? "" : " (\(led.subjectName))"): \(RatingText.level(led.level))\(score)")
      }
    }
    if !response.narrative.isEmpty {
      lines.append("")
      lines.append("Diễn giải:")
      lines += response.narrative.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    }
    return lines.joined(separator: "\n")
  }
}
