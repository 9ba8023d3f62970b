import Foundation
import ReformWire

/// Xếp loại: a year's final ratings under a unit (the whole bloc when none), per subject
/// kind, for the unit and each unit under it, with last year's change beside each level.
struct RatingsView: Sendable {
  struct Row: Sendable {
    let unit: String
    let kind: String
    let rated: Int64
    let levels: [Level]
    /// The unit's own total, set apart from its children's rows.
    let total: Bool
    /// The unit's ratings one by one.
    let link: String?
  }

  struct Level: Sendable {
    let count: Int64
    let share: String
    let change: String
  }

  let session: SessionView
  let year: Int32
  let unit: String
  let levelNames: [String]
  let rows: [Row]

  init(session: ConsoleSession, year: Int32, unit: String, response: ClassificationSummaryResponse) {
    self.session = SessionView(session)
    self.year = year
    self.unit = unit
    let levels: [RatingLevel] = [.htxsnv, .httnv, .htnv, .khtnv]
    levelNames = levels.map(ConsoleText.level)
    let row = { (summary: RatingUnitSummary, total: Bool) in
      Row(
        unit: [summary.unitName, summary.unitCode].first { !$0.isEmpty } ?? "Toàn khối", kind: ConsoleText.subjectKind(summary.subjectKind),
        rated: summary.ratedCount,
        levels: levels.map { level in
          let count = summary.levels.first { $0.level == level } ?? RatingLevelCount(level: level)
          return Level(
            count: count.count, share: ConsoleText.percent(count.shareBasisPoints),
            change: (count.shareChangeBasisPoints >= 0 ? "+" : "−") + ConsoleText.percent(abs(count.shareChangeBasisPoints)))
        },
        total: total,
        link: summary.unitCode.isEmpty ? nil : "/console/xep-loai/danh-sach?don-vi=\(Console.queryEscaped(summary.unitCode))&nam=\(year)")
    }
    rows = response.totals.map { row($0, true) } + response.children.map { row($0, false) }
  }
}
