/// Renders a report as plain text for a terminal: per indicator, a heading with its code and
/// name, the target, the aggregate with met or not and coverage, then a table of the units
/// ranked, columns aligned by display width (Vietnamese marks take no column of their own).
public enum ReportTextRenderer {
  /// The widest a unit name is shown; longer names end in "…".
  public static let nameWidth = 40

  /// The report as text, UTF-8, lines ended by LF.
  public static func render(_ report: IndicatorReport) -> String {
    var lines: [String] = [
      report.title.uppercased(),
      "Đơn vị: \(report.root.name)",
      "Lập lúc \(ReportFormatting.vietnamTime(report.generatedAt)) (giờ Việt Nam)"
        + (report.approvedOnly ? " — chỉ số liệu đã duyệt" : ""),
    ]
    for section in report.sections {
      lines.append("")
      lines += render(section)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func render(_ section: IndicatorReportSection) -> [String] {
    let indicator = section.indicator
    let aggregate = section.aggregate
    var lines = [
      "Chỉ tiêu \(indicator.code). \(indicator.name)",
      "  Mục tiêu: \(indicator.target.text)" + (indicator.target.wording.isEmpty ? "" : " (\(indicator.target.wording))"),
      "  Toàn đơn vị: \(ratioText(aggregate.ratio)) \(aggregate.outcome.symbol) \(aggregate.outcome.vietnameseName)"
        + " — báo cáo \(aggregate.unitsReported)/\(aggregate.unitsExpected) đơn vị",
    ]
    guard !section.rows.isEmpty else { return lines }
    let header = ["Hạng", "Đơn vị", "Tử số", "Mẫu số", "Tỷ lệ", "Mức đạt", "Kết quả", "Báo cáo"]
    let rightAligned: Set<Int> = [0, 2, 3, 4, 5, 7]
    let rows = section.rows.map { row -> [String] in
      let result = row.result
      return [
        row.rank == 0 ? "–" : String(row.rank),
        String(repeating: "  ", count: max(0, row.depth - 1))
          + ReportFormatting.truncated(row.unit.displayName, to: nameWidth),
        ReportFormatting.grouped(result.ratio.numerator), ReportFormatting.grouped(result.ratio.denominator),
        result.ratio.percentText,
        result.ratio.hasData ? ReportFormatting.percent(basisPoints: result.attainmentBasisPoints) : "—",
        "\(result.outcome.symbol) \(result.outcome.vietnameseName)",
        "\(result.unitsReported)/\(result.unitsExpected)",
      ]
    }
    // Each field's width is measured once, for the columns' widths and for its padding.
    let fieldWidths = ([header] + rows).map { $0.map(ReportFormatting.displayWidth) }
    let widths = header.indices.map { column in fieldWidths.map { $0[column] }.max() ?? 0 }
    func line(_ fields: [String], measured: [Int]) -> String {
      var text = "  "
      for (column, field) in fields.enumerated() {
        if column > 0 { text += "  " }
        let padding = String(repeating: " ", count: max(0, widths[column] - measured[column]))
        text += rightAligned.contains(column) ? padding + field : field + padding
      }
      return text.replacingTrailingSpaces()
    }
    lines.append(line(header, measured: fieldWidths[0]))
    lines.append("  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
    for (row, fields) in rows.enumerated() { lines.append(line(fields, measured: fieldWidths[row + 1])) }
    return lines
  }

  private static func ratioText(_ ratio: Ratio) -> String {
    "\(ReportFormatting.grouped(ratio.numerator))/\(ReportFormatting.grouped(ratio.denominator)) = \(ratio.percentText)"
  }
}

extension String {
  /// The line without the spaces padding its last column.
  fileprivate func replacingTrailingSpaces() -> String {
    guard utf8.last == UInt8(ascii: " ") else { return self }
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
