/// Renders a report as CSV, one line per indicator and unit: the root's aggregate first
/// (depth 0, rank 0), then the ranked units. Figures are machine-readable: percentages with a
/// dot and two decimals at most.
///
/// Columns: `indicator_code`, `indicator_name`, `period`, `unit_code`, `unit_name`, `depth`,
/// `rank`, `numerator`, `denominator`, `value_percent`, `comparison`, `target_percent`,
/// `outcome`, `attainment_percent`, `units_reported`, `units_expected`, `units_approved`.
public enum ReportCSVRenderer {
  /// The header, in order.
  public static let columns = [
    "indicator_code", "indicator_name", "period", "unit_code", "unit_name", "depth", "rank", "numerator", "denominator",
    "value_percent", "comparison", "target_percent", "outcome", "attainment_percent", "units_reported",
    "units_expected", "units_approved",
  ]

  /// The report as CSV (RFC 4180, UTF-8, CRLF).
  public static func render(_ report: IndicatorReport, withBOM: Bool = false) -> String {
    var rows: [[String]] = []
    for section in report.sections {
      let indicator = section.indicator
      let rootRow = IndicatorReportRow(unit: report.root, depth: 0, result: section.aggregate, rank: 0, rankedCount: 0)
      for row in [rootRow] + section.rows {
        let result = row.result
        rows.append([
          indicator.code, indicator.name, report.period.description, row.unit.code, row.unit.name, String(row.depth),
          String(row.rank), String(result.ratio.numerator), String(result.ratio.denominator),
          result.ratio.hasData ? Percentage.format(result.valueBasisPoints, decimalMark: ".") : "",
          indicator.target.comparison.rawValue, Percentage.format(indicator.target.percent.basisPoints, decimalMark: "."),
          result.outcome.rawValue,
          result.ratio.hasData ? Percentage.format(result.attainmentBasisPoints, decimalMark: ".") : "",
          String(result.unitsReported), String(result.unitsExpected), String(result.unitsApproved),
        ])
      }
    }
    return CSVWriter.document(header: columns, rows: rows, withBOM: withBOM)
  }
}
