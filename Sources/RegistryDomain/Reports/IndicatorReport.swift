import Foundation

/// How a unit subtree stands against a set's targets for one period: per indicator, the
/// aggregate for the chosen root (met or not, coverage) and the units below it ranked by
/// attainment.
///
/// Build one with ``build(set:period:rootCode:tree:values:statuses:indicatorCodes:depth:approvedOnly:generatedAt:)``,
/// or with ``build(_:period:rootCode:indicatorCodes:depth:generatedAt:)`` to share one
/// ``IndicatorAggregator`` between periods; render it with ``ReportTextRenderer``,
/// ``ReportCSVRenderer`` or ``ReportHTMLRenderer``.
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
    try build(
      IndicatorAggregator(tree: tree, set: set, values: values, statuses: statuses, approvedOnly: approvedOnly),
      period: period, rootCode: rootCode, indicatorCodes: indicatorCodes, depth: depth, generatedAt: generatedAt)
  }

  /// Builds a report from an aggregator's tree, set and values: several periods' reports over
  /// the same values share one aggregator.
  ///
  /// - Parameters:
  ///   - rootCode: the root; the bloc committee when `nil`.
  ///   - indicatorCodes: only these indicators; all when `nil`.
  ///   - depth: how many levels below the root get a row (1 = the root's children).
  /// - Throws: ``UnitTreeError`` when the root does not exist.
  public static func build(
    _ aggregator: IndicatorAggregator, period: Period, rootCode: String? = nil, indicatorCodes: [String]? = nil,
    depth: Int = 1, generatedAt: Date
  ) throws(UnitTreeError) -> IndicatorReport {
    let tree = aggregator.tree
    let set = aggregator.set
    let code = rootCode ?? tree.rootCode ?? ""
    guard let root = tree.unit(code) else { throw .notFound("unit_code", code: code) }
    let scope = aggregator.scope(rootCode: code, period: period)
    let firstDay = period.firstDay
    let lastDay = period.lastDay
    // The units that get a row: below the root, down to `depth`, open at some time in the period.
    let positions = scope.units.indices.dropFirst().filter { position in
      let unit = scope.units[position]
      let activeInPeriod = unit.opened <= lastDay && (unit.closed.map { $0 > firstDay } ?? true)
      return scope.depths[position] <= max(1, depth) && activeInPeriod
    }
    let depths = positions.map { scope.depths[$0] }
    let names = nameOrder(positions.map { sortingName(of: scope.units[$0]) })
    let indicators = set.orderedIndicators.filter { indicatorCodes?.contains($0.code) ?? true }
    let sections = indicators.map { indicator in
      let results = aggregator.results(of: indicator, in: scope)
      let places = ranking(depths: depths, ratios: positions.map { results[$0].ratio }, names: names, by: indicator.target)
      let rows = places.map { place in
        let position = positions[place.row]
        return IndicatorReportRow(
          unit: scope.units[position], depth: depths[place.row], result: results[position], rank: place.rank,
          rankedCount: place.rankedCount)
      }
      return IndicatorReportSection(indicator: indicator, aggregate: results[0], rows: rows)
    }
    return IndicatorReport(
      set: set, period: period, root: root, sections: sections, approvedOnly: aggregator.approvedOnly,
      generatedAt: generatedAt)
  }

  /// Ranks rows within each depth by the target's direction, equal values sharing a rank; rows
  /// without data keep theirs.
  static func ranked(_ rows: [IndicatorReportRow], by target: IndicatorTarget) -> [IndicatorReportRow] {
    let places = ranking(
      depths: rows.map(\.depth), ratios: rows.map(\.result.ratio), names: nameOrder(rows.map { sortingName(of: $0.unit) }),
      by: target)
    return places.map { place in
      var row = rows[place.row]
      if row.result.ratio.hasData {
        row.rank = place.rank
        row.rankedCount = place.rankedCount
      }
      return row
    }
  }

  /// A unit's display name as the UTF-8 of its NFC form, which orders exactly as `String` does.
  static func sortingName(of unit: OrgUnit) -> [UInt8] {
    Array(unit.displayName.normalizedText.utf8)
  }

  /// Each name's place in the names' order, equal names sharing one: ranking compares these
  /// rather than the names, since a thousand units make many ties to break by name and every
  /// indicator breaks them again.
  static func nameOrder(_ names: [[UInt8]]) -> [Int] {
    let sorted = names.indices.sorted { names[$0].lexicographicallyPrecedes(names[$1]) }
    var order = [Int](repeating: 0, count: names.count)
    for (place, row) in sorted.enumerated() where place > 0 {
      let previous = sorted[place - 1]
      order[row] = names[row] == names[previous] ? order[previous] : place
    }
    return order
  }

  /// Where a row goes in a ranked section: its index among the rows ranked, its rank, and how
  /// many rows were ranked with it (0 and 0 without data).
  struct Place {
    var row: Int
    var rank: Int
    var rankedCount: Int
  }

  /// The ranked order of rows given as parallel arrays: by depth; within a depth the rows with
  /// data by the target's direction, then by name, ranked (1, 2, 2, 4); then the rows without
  /// data, by name. `names` are places in the names' order (``nameOrder(_:)``).
  static func ranking(depths: [Int], ratios: [Ratio], names: [Int], by target: IndicatorTarget) -> [Place] {
    let byName = { (lhs: Int, rhs: Int) in names[lhs] < names[rhs] }
    let byDepth = Dictionary(grouping: depths.indices, by: { depths[$0] })
    var places: [Place] = []
    places.reserveCapacity(depths.count)
    for depth in byDepth.keys.sorted() {
      let group = byDepth[depth] ?? []
      let order = group.filter { ratios[$0].hasData }.sorted { lhs, rhs in
        if target.isBetter(ratios[lhs], than: ratios[rhs]) { return true }
        if target.isBetter(ratios[rhs], than: ratios[lhs]) { return false }
        return byName(lhs, rhs)
      }
      let first = places.count
      for (index, row) in order.enumerated() {
        let tied = index > 0 && !target.isBetter(ratios[order[index - 1]], than: ratios[row])
        places.append(Place(row: row, rank: tied ? places[first + index - 1].rank : index + 1, rankedCount: order.count))
      }
      for row in group.filter({ !ratios[$0].hasData }).sorted(by: byName) {
        places.append(Place(row: row, rank: 0, rankedCount: 0))
      }
    }
    return places
  }
}
