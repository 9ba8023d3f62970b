import Foundation
import ReformWire

/// One unit's final ratings of a year, each a link to its explanation.
struct RatingListView: Sendable {
  struct Item: Sendable {
    let name: String
    let kind: String
    let level: String
    let demoted: Bool
    let link: String
  }

  let session: SessionView
  let year: Int32
  let unit: String
  let items: [Item]
  let more: Bool
  static let pageSize: Int32 = 500

  init(session: ConsoleSession, year: Int32, unit: String, response: ClassificationListResultsResponse) {
    self.session = SessionView(session)
    self.year = year
    self.unit = unit
    items = response.ratings.map { rating in
      Item(
        name: rating.subjectName.isEmpty ? rating.subjectId : rating.subjectName, kind: ConsoleText.subjectKind(rating.subjectKind),
        level: ConsoleText.level(rating.level), demoted: rating.quotaDemotion != nil,
        link: ExplainView.link(kind: rating.subjectKind, id: rating.subjectId, year: rating.year))
    }
    more = !(response.page?.nextPageToken ?? "").isEmpty
  }
}

/// Giải trình: why one person or collective got their level — every rule checked, with its
/// source, and the quota's demotion when there was one.
struct ExplainView: Sendable {
  struct Check: Sendable {
    let rule: String
    let text: String
    let source: String
    let outcome: String
    let failed: Bool
    let levelAfter: String
    let detail: String
  }

  let session: SessionView
  let name: String
  let kind: String
  let year: Int32
  let unit: String
  let level: String
  let levelBefore: String?
  let score: String?
  let ruleSet: String
  let checks: [Check]
  let demotion: String?
  let narrative: String
  let back: String

  init(session: ConsoleSession, response: ClassificationExplainResponse) {
    self.session = SessionView(session)
    let rating = response.rating ?? Rating()
    name = rating.subjectName.isEmpty ? rating.subjectId : rating.subjectName
    kind = ConsoleText.subjectKind(rating.subjectKind)
    year = rating.year
    unit = rating.unitCode
    level = ConsoleText.level(rating.level)
    levelBefore = rating.levelBeforeQuota != rating.level && rating.levelBeforeQuota != .unspecified
      ? ConsoleText.level(rating.levelBeforeQuota) : nil
    score = rating.scored ? String(format: "%.2f", Double(rating.scoreHundredths) / 100).replacingOccurrences(of: ".", with: ",") : nil
    ruleSet = "\(rating.ruleSetId) v\(rating.ruleSetVersion)"
    checks = rating.checks.map { check in
      Check(
        rule: check.ruleId, text: check.text, source: ConsoleText.source(check.source), outcome: ConsoleText.ruleOutcome(check.outcome),
        failed: check.outcome == .failed, levelAfter: ConsoleText.level(check.levelAfter), detail: check.detail)
    }
    demotion = rating.quotaDemotion.map { demotion in
      "\(ConsoleText.level(demotion.fromLevel)) → \(ConsoleText.level(demotion.toLevel)) theo tỷ lệ của \(demotion.quotaUnitCode)"
        + " (\(ConsoleText.source(demotion.source)))" + (demotion.reason.isEmpty ? "" : ": " + demotion.reason)
    }
    narrative = response.narrative
    back = "/console/xep-loai/danh-sach?don-vi=\(Console.queryEscaped(rating.unitCode))&nam=\(rating.year)"
  }

  static func link(kind: RatingSubjectKind, id: String, year: Int32) -> String {
    "/console/xep-loai/giai-trinh?loai=\(kind.rawValue)&ma=\(Console.queryEscaped(id))&nam=\(year)"
  }
}
