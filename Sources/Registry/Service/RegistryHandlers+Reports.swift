import Foundation
import ReformModule
import ReformWire
import RegistryDomain

/// Report: how a unit subtree stands against a set's targets over one or more periods —
/// numerators and denominators summed up the tree, attainment, coverage, units ranked — as
/// rows and rendered by the domain's renderers (``ReportTextRenderer``, ``ReportCSVRenderer``,
/// ``ReportHTMLRenderer``). Several periods render as one file: tables one after the other, one
/// CSV with one header, one HTML page with a part per period.
extension RegistryHandlers {

  func report(_ request: RegistryReportRequest, _ context: JobContext) async throws -> RegistryReportResponse {
    let snapshot = try await store.read()
    let tree = snapshot.tree
    let requestedRoot = try context.confined(request.unitCode, field: "unit_code", in: tree)
    let stored = try Self.indicatorSet(request.setId, version: request.setVersion, in: snapshot, field: "set_id")
    let set = stored.set
    guard !request.periods.isEmpty else { throw FieldError.invalid("periods", "is empty; name one or more periods, e.g. the year 2024") }
    guard request.periods.count <= RequestBounds.maxPeriods else {
      throw FieldError.tooLarge("periods", "at most \(RequestBounds.maxPeriods) periods per report; got \(request.periods.count)")
    }
    var periods: [Period] = []
    for (index, wire) in request.periods.enumerated() {
      let period = try Period(wire: wire, field: "periods[\(index)]")
      guard set.indicators.contains(where: { $0.periodType == period.type }) else {
        throw FieldError.invalid("periods[\(index)]", "set \"\(set.id)\" has no indicator reported per \(period.type.rawValue)")
      }
      if !periods.contains(period) { periods.append(period) }
    }
    guard request.maxDepth >= 0 else { throw FieldError.invalid("max_depth", "must be 0 (every level) or more; got \(request.maxDepth)") }
    try RequestBounds.checkCount(request.indicatorCodes.count, field: "indicator_codes")
    for (index, code) in request.indicatorCodes.enumerated() where set.indicator(code) == nil {
      throw FieldError.notFound("indicator_codes[\(index)]", "set \"\(set.id)\" has no indicator \"\(code)\"")
    }
    guard RegistryReportFormat.allKnown.contains(request.format) else {
      throw FieldError.invalid("format", "\(request.format.rawValue) is not a report format; use TABLE, CSV, HTML or none")
    }
    guard let root = requestedRoot.isEmpty ? tree.rootCode : requestedRoot, tree.unit(root) != nil else {
      throw FieldError.notFound("unit_code", requestedRoot.isEmpty ? "the registry has no units yet" : "unit \"\(requestedRoot)\" does not exist")
    }
    let now = store.now
    let aggregator = IndicatorAggregator(
      tree: tree, set: set, values: snapshot.book.valuesByKey.values.lazy.filter { periods.contains($0.key.period) },
      statuses: snapshot.book.statuses, approvedOnly: request.approvedOnly)
    let codes = request.indicatorCodes.isEmpty ? nil : request.indicatorCodes
    var reports: [IndicatorReport] = []
    for period in periods {
      reports.append(
        try FieldError.checking { () throws(UnitTreeError) in
          try IndicatorReport.build(
            aggregator, period: period, rootCode: root, indicatorCodes: codes,
            depth: request.maxDepth == 0 ? Int.max : Int(request.maxDepth), generatedAt: now)
        })
    }
    var response = RegistryReportResponse(
      indicatorSet: set.wire(definedBy: stored.definedBy, definedAt: stored.definedAt), generatedAt: Timestamp(now))
    if !request.omitRows { response.rows = Self.rows(of: reports, tree: tree) }
    switch request.format {
    case .table: Self.render(reports, as: "txt", media: "text/plain; charset=utf-8", into: &response) { ReportTextRenderer.render($0) }
    case .csv: Self.render(reports, as: "csv", media: "text/csv; charset=utf-8", into: &response) { ReportCSVRenderer.render($0) }
    case .html: Self.render(reports, as: "html", media: "text/html; charset=utf-8", into: &response) { ReportHTMLRenderer.render($0) }
    default: break
    }
    return response
  }

  /// Every row: per indicator in display order, per period, the root's aggregate then the
  /// units in tree order.
  static func rows(of reports: [IndicatorReport], tree: UnitTree) -> [RegistryReportRow] {
    guard let first = reports.first else { return [] }
    let order = tree.descendants(of: first.root.code).map(\.code)
    let positions = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var rows: [RegistryReportRow] = []
    rows.reserveCapacity(reports.reduce(0) { count, report in report.sections.reduce(count) { $0 + 1 + $1.rows.count } })
    for index in first.sections.indices {
      for report in reports where index < report.sections.count {
        let section = report.sections[index]
        let period = report.period.wire
        rows.append(
          RegistryReportRow(
            indicatorCode: section.indicator.code, period: period, unitCode: report.root.code, unitName: report.root.name,
            parentCode: report.root.parentCode ?? "", depth: 0, result: section.aggregate.wire))
        // The section ranks its rows; the wire lists them in tree order.
        var inTreeOrder = [Int](repeating: -1, count: order.count)
        for (ranked, row) in section.rows.enumerated() {
          if let position = positions[row.unit.code], inTreeOrder[position] < 0 { inTreeOrder[position] = ranked }
        }
        for ranked in inTreeOrder where ranked >= 0 {
          let row = section.rows[ranked]
          rows.append(
            RegistryReportRow(
              indicatorCode: section.indicator.code, period: period, unitCode: row.unit.code, unitName: row.unit.name,
              parentCode: row.unit.parentCode ?? "", depth: Int32(clamping: row.depth), result: row.result.wire,
              rank: Int32(clamping: row.rank), rankedCount: Int32(clamping: row.rankedCount)))
        }
      }
    }
    return rows
  }

  /// Renders every report with `renderer` into one file of the response.
  private static func render(
    _ reports: [IndicatorReport], as fileExtension: String, media: String, into response: inout RegistryReportResponse,
    with renderer: (IndicatorReport) -> String
  ) {
    guard let first = reports.first, let last = reports.last else { return }
    // Joined as UTF-8: the parts are megabytes of text, and only ASCII markers are looked for.
    let parts = reports.map { Array(renderer($0).utf8) }
    var file: [UInt8] = []
    file.reserveCapacity(parts.reduce(parts.count) { $0 + $1.count })
    switch fileExtension {
    case "csv":
      // One header: each later part starts after its own header line.
      for (index, part) in parts.enumerated() {
        let start = index > 0 ? range(of: "\r\n", in: part)?.upperBound ?? 0 : 0
        file += part[start...]
      }
    case "html":
      // One page: each later part's body goes in before the first one's end.
      let bodies = parts.dropFirst().compactMap { part -> ArraySlice<UInt8>? in
        guard let start = range(of: "<body>", in: part), let end = range(of: "</body>", in: part, backwards: true),
          start.upperBound <= end.lowerBound
        else { return nil }
        return part[start.upperBound..<end.lowerBound]
      }
      if let end = range(of: "</body>", in: parts[0], backwards: true) {
        file += parts[0][..<end.lowerBound]
        for body in bodies { file += body }
        file += parts[0][end.lowerBound...]
      } else {
        file = parts[0]
      }
    default:
      for (index, part) in parts.enumerated() {
        if index > 0 { file.append(UInt8(ascii: "\n")) }
        file += part
      }
    }
    response.rendered = file
    response.mediaType = media
    response.fileName =
      reports.count == 1
      ? first.fileName(extension: fileExtension)
      : "bao-cao-\(first.set.id)-\(first.period.description)_\(last.period.description).\(fileExtension)"
  }

  /// Where `marker` first occurs in `bytes`, or last when `backwards`.
  private static func range(of marker: String, in bytes: [UInt8], backwards: Bool = false) -> Range<Int>? {
    let needle = Array(marker.utf8)
    guard bytes.count >= needle.count else { return nil }
    let starts = 0...(bytes.count - needle.count)
    let found =
      backwards
      ? starts.reversed().first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
      : starts.first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    return found.map { $0..<$0 + needle.count }
  }
}
