import Foundation

/// How a unit subtree stands against a set's targets for one period: per indicator, the
/// aggregate for the chosen root (met or not, coverage) and the units below it ranked by
/// attainment.
///
/// Build one with ``build(set:period:rootCode:tree:values:statuses:indicatorCodes:depth:approvedOnly:generatedAt:)``;
/// render it with ``ReportTextRenderer``, ``ReportCSVRenderer`` or ``ReportHTMLRenderer``.
public struct IndicatorReport: Sendable, Hashable {
  /// The set, for names, targets and sources.
  public var set: IndicatorSet
  /// The period reported on.
  public var period: Period
  /// The root of the report.
  public var root: OrgUnit
  /// One section per indicator, in display order.
  public var sections: [IndicatorReportSection]
  /// Whether only approved values were counted (the official figures).
  public var approvedOnly: Bool
  /// When the report was made (UTC); shown in Vietnam's time.
  public var generatedAt: Date

  /// Makes a report from its parts.
  public init(
    set: IndicatorSet, period: Period, root: OrgUnit, sections: [IndicatorReportSection], approvedOnly: Bool,
    generatedAt: Date
  ) {
    self.set = set
    self.period = period
    self.root = root
    self.sections = sections
    self.approvedOnly = approvedOnly
    self.generatedAt = generatedAt
  }

  /// "Báo cáo kết quả thực hiện chỉ tiêu … — Năm 2024".
  public var title: String { "Báo cáo kết quả thực hiện \(set.name) — \(period.vietnameseText)" }

  /// A file name for the rendering, e.g. "bao-cao-01-NQ-DUK-2020-2025-2024.html".
  public func fileName(extension fileExtension: String) -> String {
    "bao-cao-\(set.id)-\(period.description).\(fileExtension)"
  }

  /// Builds a report.
  ///
  /// - Parameters:
  ///   - rootCode: the root; the bloc committee when `nil`.
  ///   - values: every value of the set (other sets' are ignored).
  ///   - statuses: each unit's period status.
  ///   - indicatorCodes: only these indicators; all when `nil`.
  ///   - depth: how many levels below the root get a row (1 = the root's children).
  ///   - approvedOnly: count only values of approved periods.
  /// - Throws: ``UnitTreeError`` when the root does not exist.
  public static func build(
    set: IndicatorSet, period: Period, rootCode: String? = nil, tree: UnitTree, values: [IndicatorValue],
    statuses: [PeriodKey: PeriodStatus] = [:], indicatorCodes: [String]? = nil, depth: Int = 1,
    approvedOnly: Bool = false, generatedAt: Date
  ) throws(UnitTreeError) -> IndicatorReport {
    let code = rootCode ?? tree.rootCode ?? ""
    guard let root = tree.unit(code) else { throw .notFound("unit_code", code: code) }
    let aggregator = IndicatorAggregator(tree: tree, set: set, values: values, statuses: statuses, approvedOnly: approvedOnly)
    let rootDepth = tree.depth(of: code) ?? 0
    let units = tree.descendants(of: code).compactMap { unit -> (OrgUnit, Int)? in
      let relative = (tree.depth(of: unit.code) ?? 0) - rootDepth
      let activeInPeriod = unit.opened <= period.lastDay && (unit.closed.map { $0 > period.firstDay } ?? true)
      return relative <= max(1, depth) && activeInPeriod ? (unit, relative) : nil
    }
    let indicators = set.orderedIndicators.filter { indicatorCodes?.contains($0.code) ?? true }
    let subtree = tree.subtree(of: code)
    let names = names(of: units.map(\.0))
    let sections = indicators.map { indicator in
      let results = aggregator.results(of: indicator, subtree: subtree, period: period)
      let rows = units.map { unit, relative in
        IndicatorReportRow(
          unit: unit, depth: relative,
          result: results[unit.code] ?? aggregator.result(of: indicator, rootCode: unit.code, period: period),
          rank: 0, rankedCount: 0)
      }
      return IndicatorReportSection(
        indicator: indicator, aggregate: results[code] ?? aggregator.result(of: indicator, rootCode: code, period: period),
        rows: ranked(rows, by: indicator.target, names: names))
    }
    return IndicatorReport(
      set: set, period: period, root: root, sections: sections, approvedOnly: approvedOnly, generatedAt: generatedAt)
  }

  /// Ranks rows within each depth by the target's direction, equal values sharing a rank.
  static func ranked(_ rows: [IndicatorReportRow], by target: IndicatorTarget) -> [IndicatorReportRow] {
    ranked(rows, by: target, names: names(of: rows.map(\.unit)))
  }

  /// Each unit's display name as the UTF-8 of its NFC form, which orders exactly as `String`
  /// does: made once per report rather than once per comparison, since a thousand units make
  /// many ties to break by name.
  static func names(of units: [OrgUnit]) -> [String: [UInt8]] {
    Dictionary(units.map { ($0.code, Array($0.displayName.normalizedText.utf8)) }, uniquingKeysWith: { first, _ in first })
  }

  /// ``ranked(_:by:)`` with the names made by ``names(of:)``.
  static func ranked(_ rows: [IndicatorReportRow], by target: IndicatorTarget, names byCode: [String: [UInt8]]) -> [IndicatorReportRow] {
    let names = rows.map { byCode[$0.unit.code] ?? Array($0.unit.displayName.utf8) }
    let byName = { (lhs: Int, rhs: Int) in names[lhs].lexicographicallyPrecedes(names[rhs]) }
    let byDepth = Dictionary(grouping: rows.indices, by: { rows[$0].depth })
    return byDepth.keys.sorted().flatMap { depth -> [IndicatorReportRow] in
      let group = byDepth[depth] ?? []
      let order = group.filter { rows[$0].result.ratio.hasData }.sorted { lhs, rhs in
        if target.isBetter(rows[lhs].result.ratio, than: rows[rhs].result.ratio) { return true }
        if target.isBetter(rows[rhs].result.ratio, than: rows[lhs].result.ratio) { return false }
        return byName(lhs, rhs)
      }
      var withData = order.map { rows[$0] }
      for index in withData.indices {
        let tied = index > 0 && !target.isBetter(withData[index - 1].result.ratio, than: withData[index].result.ratio)
        withData[index].rank = tied ? withData[index - 1].rank : index + 1
        withData[index].rankedCount = withData.count
      }
      return withData + group.filter { !rows[$0].result.ratio.hasData }.sorted(by: byName).map { rows[$0] }
    }
  }

}
