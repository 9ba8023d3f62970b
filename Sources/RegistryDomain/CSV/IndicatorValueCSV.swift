/// Indicator values as CSV (`REGISTRY_CSV_KIND_VALUES`): import, all or nothing, and export
/// in the same columns.
///
/// Columns, in any order (all but `note` and `evidence` required; `set_id` may be left out
/// or empty when the import names a default set):
///
/// | column | holds |
/// |---|---|
/// | `set_id` | the indicator set, e.g. 01-NQ-DUK-2020-2025 |
/// | `indicator_code` | the indicator, e.g. 3b |
/// | `unit_code` | the reporting unit |
/// | `period` | 2024, 2024-H1, 2024-Q3, 2024-M07 or 2020-2025 |
/// | `numerator` | a whole number, 0 or more |
/// | `denominator` | a whole number, at least the numerator |
/// | `note` | how the figure was counted |
/// | `evidence` | where it can be checked |
///
/// Rows are upserts by (set, indicator, unit, period). Every row is checked against its set and
/// the tree (``IndicatorValue/problems(in:tree:)``: reported indicators only, a unit of a
/// reporting kind, a period of the indicator's type within the term, numerator ≤ denominator),
/// against the workflow (a submitted or approved period is refused, naming its status), and
/// against the other rows (one row per key).
public enum IndicatorValueCSV {
  /// Every column, in the order export writes them.
  public static let columns = ["set_id", "indicator_code", "unit_code", "period", "numerator", "denominator", "note", "evidence"]

  /// Checks every row and returns the values, with origin ``IndicatorValueOrigin/imported``,
  /// in file order.
  ///
  /// - Parameters:
  ///   - sets: the indicator sets rows may name.
  ///   - book: the values and workflow as they stand, for locked periods.
  ///   - defaultSetID: the set of rows without a `set_id` column.
  /// - Throws: ``CSVImportFailure`` with every problem.
  public static func importValues(
    _ csv: String, sets: [IndicatorSet], tree: UnitTree, book: ReportingBook = ReportingBook(), defaultSetID: String? = nil
  ) throws(CSVImportFailure) -> [IndicatorValue] {
    var required: Set<String> = ["indicator_code", "unit_code", "period", "numerator", "denominator"]
    if defaultSetID == nil { required.insert("set_id") }
    var table = CSVTable(document: CSVParser.parse(csv), known: columns, required: required)
    guard table.headerIsSound else { throw CSVImportFailure(errors: table.errors) }
    let setsByID = Dictionary(sets.map { ($0.id, $0) }, uniquingKeysWith: { $0.version >= $1.version ? $0 : $1 })
    var values: [IndicatorValue] = []
    var lineOfKey: [IndicatorValueKey: Int] = [:]
    for record in table.rows {
      var reader = CSVRowReader(record: record, index: table.index)
      let setID = reader.text("set_id").isEmpty ? (defaultSetID ?? reader.required("set_id", "the indicator set's id")) : reader.text("set_id")
      let indicatorCode = reader.required("indicator_code", "the indicator's code, e.g. 3b")
      let unitCode = reader.required("unit_code", "the reporting unit's code")
      let periodText = reader.required("period", "e.g. 2024")
      let period = Period(parsing: periodText)
      if period == nil && !periodText.isEmpty {
        reader.fail("period", "\"\(periodText)\" is not a period; write 2024, 2024-H1, 2024-Q3, 2024-M07 or 2020-2025")
      }
      let numerator = reader.count("numerator")
      let denominator = reader.count("denominator")
      guard let period, let numerator, let denominator, reader.errors.isEmpty else {
        table.errors += reader.errors
        continue
      }
      let value = IndicatorValue(
        key: IndicatorValueKey(setID: setID, indicatorCode: indicatorCode, unitCode: unitCode, period: period),
        ratio: Ratio(numerator, denominator), origin: .imported, note: reader.text("note"), evidence: reader.text("evidence"))
      if let set = setsByID[setID] {
        for problem in value.problems(in: set, tree: tree) { reader.fail(problem, columnFor: column(for:)) }
      } else if !setID.isEmpty {
        reader.fail("set_id", "indicator set \"\(setID)\" does not exist", kind: .notFound)
      }
      let status = book.state(value.key.periodKey).status
      if !status.acceptsValues {
        reader.fail(
          "period", "\(value.key.periodKey) is \(status.rawValue) (\(status.vietnameseName)); the bloc must reopen it first",
          kind: .failedPrecondition)
      }
      if let first = lineOfKey[value.key] {
        reader.fail("period", "the same set, indicator, unit and period are on line \(first) already", kind: .alreadyExists)
      } else {
        lineOfKey[value.key] = record.line
      }
      table.errors += reader.errors
      values.append(value)
    }
    guard table.errors.isEmpty else { throw CSVImportFailure(errors: table.errors) }
    return values
  }

  /// Values as CSV, in the order given.
  public static func export(_ values: [IndicatorValue], withBOM: Bool = false) -> String {
    let rows = values.map { value in
      [
        value.key.setID, value.key.indicatorCode, value.key.unitCode, value.key.period.description,
        String(value.ratio.numerator), String(value.ratio.denominator), value.note, value.evidence,
      ]
    }
    return CSVWriter.document(header: columns, rows: rows, withBOM: withBOM)
  }

  private static func column(for field: String) -> String? {
    columns.contains(field) ? field : nil
  }
}
