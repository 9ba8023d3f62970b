import Foundation
import ReformKit

/// Units as CSV (`REGISTRY_CSV_KIND_UNITS`): import, all or nothing, and export in the same
/// columns.
///
/// Columns, in any order (the first five required):
///
/// | column | holds |
/// |---|---|
/// | `code` | the unit's code (``CodeSyntax``) |
/// | `name` | full Vietnamese name |
/// | `kind` | BLOC_COMMITTEE, GRASSROOTS_COMMITTEE, GRASSROOTS_CELL, SUBORDINATE_CELL or PARTIAL_COMMITTEE |
/// | `parent_code` | the parent's code; empty only for the bloc committee |
/// | `opened` | opening date |
/// | `short_name` | short name for tables; may be empty |
/// | `organ_id` | exchange identifier, e.g. 000.00.00.H41; may be empty |
/// | `host_name` | the host organisation's name |
/// | `host_kind` | AGENCY, PUBLIC_SERVICE_UNIT, ENTERPRISE, PARTY_OR_MASS_ORGANISATION or OTHER; may be empty |
/// | `closed` | closing date; empty while open |
/// | `successor_code` | after a merger, the unit that took over |
/// | `effective` | when a change of parent or name takes effect; empty for the import date |
///
/// Rows are upserts by code, in any order: a parent may be defined later in the same file. A
/// new code creates a unit; a known code with another parent moves it, with another name
/// renames it, with a closing date closes it — each recorded in the history, as of
/// `effective`. Every row is checked with the tree's rules against the tree and the other
/// rows (``UnitTree``), and every problem is reported with its line and column.
public enum UnitCSV {
  /// Every column, in the order export writes them.
  public static let columns = [
    "code", "name", "short_name", "kind", "parent_code", "organ_id", "host_name", "host_kind", "opened", "closed",
    "successor_code", "effective",
  ]

  /// What a successful import does.
  public struct Import: Sendable {
    /// Every row's unit as validated, in file order.
    public var units: [OrgUnit]
    /// The tree with every row applied: the caller keeps it, or keeps the old one.
    public var tree: UnitTree
    /// The history entries the import recorded, in the order applied.
    public var recorded: [UnitHistoryEntry]
    /// Rows that created a unit.
    public var created: Int
    /// Rows that changed a unit.
    public var updated: Int
    /// Rows identical to the unit as it stood.
    public var unchanged: Int
  }

  /// Checks every row of `csv` against `tree` and against each other, and applies them to a
  /// copy of the tree.
  ///
  /// - Parameters:
  ///   - asOf: the effective date of changes whose row leaves `effective` empty.
  ///   - stamp: who imports, and when, for the history.
  /// - Throws: ``CSVImportFailure`` with every problem; nothing is applied then.
  public static func importUnits(
    _ csv: String, into tree: UnitTree, asOf: CivilDate, stamp: ChangeStamp
  ) throws(CSVImportFailure) -> Import {
    var table = CSVTable(
      document: CSVParser.parse(csv), known: columns, required: ["code", "name", "kind", "parent_code", "opened"])
    guard table.headerIsSound else { throw CSVImportFailure(errors: table.errors) }

    struct Row {
      var reader: CSVRowReader
      var unit: OrgUnit
      var effective: CivilDate
      var failed: Bool { !reader.errors.isEmpty }
    }
    var rows: [Row] = []
    var lineOfCode: [String: Int] = [:]
    for record in table.rows {
      var reader = CSVRowReader(record: record, index: table.index)
      let unit = decode(&reader)
      let effective = reader.date("effective") ?? asOf
      for problem in unit.validationProblems { reader.fail(problem, columnFor: column(for:)) }
      if let first = lineOfCode[unit.code], !unit.code.isEmpty {
        reader.fail("code", "\"\(unit.code)\" is defined on line \(first) already", kind: .alreadyExists)
      } else {
        lineOfCode[unit.code] = record.line
      }
      rows.append(Row(reader: reader, unit: unit, effective: effective))
    }

    var working = tree
    let firstEntry = working.entries.count
    var created = 0
    var updated = 0
    var applied: [Int] = []
    // Parents first: a row waits for the row that defines its parent, wherever that row is.
    var waiting: [String: [Int]] = [:]
    var ready: [Int] = []
    for (position, row) in rows.enumerated() where !row.failed {
      if let parent = row.unit.parentCode, lineOfCode[parent] != nil, parent != row.unit.code {
        waiting[parent, default: []].append(position)
      } else {
        ready.append(position)
      }
    }
    var next = 0
    while next < ready.count {
      let position = ready[next]
      next += 1
      let outcome = apply(rows[position].unit, effective: rows[position].effective, to: &working, stamp: stamp)
      guard outcome.problems.isEmpty else {
        for problem in outcome.problems { rows[position].reader.fail(problem, columnFor: column(for:)) }
        continue
      }
      applied.append(position)
      if tree.unit(rows[position].unit.code) == nil { created += 1 } else if outcome.changed { updated += 1 }
      ready.append(contentsOf: waiting.removeValue(forKey: rows[position].unit.code) ?? [])
    }
    // Rows still waiting hang below a row with problems, or on a cycle of rows.
    let failedRows = Set(rows.indices.filter { rows[$0].failed })
    let positionOfCode = Dictionary(rows.indices.map { (rows[$0].unit.code, $0) }, uniquingKeysWith: { first, _ in first })
    for position in waiting.values.joined().sorted() {
      var visited: Set<Int> = [position]
      var current = position
      var message = "its parent rows make a cycle; no row places them in the tree"
      while let parent = rows[current].unit.parentCode, let next = positionOfCode[parent] {
        if failedRows.contains(next) {
          message = "it hangs below \"\(parent)\", defined on line \(rows[next].reader.record.line), which has problems"
          break
        }
        guard visited.insert(next).inserted else { break }
        current = next
      }
      rows[position].reader.fail("parent_code", message, kind: .failedPrecondition)
    }
    // Closures last, children first, so that a unit closes after the units under it.
    for position in applied.reversed() {
      let row = rows[position]
      guard let current = working.unit(row.unit.code) else { continue }
      switch (current.closed, row.unit.closed) {
      case (nil, let closed?):
        let successor = row.unit.successorCode.isEmpty ? nil : row.unit.successorCode
        let problems = working.problems(closing: row.unit.code, on: closed, successorCode: successor)
        if problems.isEmpty {
          _ = try? working.close(row.unit.code, on: closed, successorCode: successor, stamp: stamp)
          if tree.unit(row.unit.code) != nil { updated += 1 }
        } else {
          for problem in problems { rows[position].reader.fail(problem, columnFor: column(for:)) }
        }
      case (let was?, let now) where was != now || current.successorCode != row.unit.successorCode:
        rows[position].reader.fail(
          "closed", "unit \"\(row.unit.code)\" closed on \(was); a closure cannot be changed or undone by import",
          kind: .failedPrecondition)
      default:
        break
      }
    }

    table.errors += rows.flatMap(\.reader.errors)
    guard table.errors.isEmpty else { throw CSVImportFailure(errors: table.errors) }
    let recorded = Array(working.entries[firstEntry...])
    return Import(
      units: rows.map { working.unit($0.unit.code) ?? $0.unit }, tree: working, recorded: recorded, created: created,
      updated: updated, unchanged: rows.count - created - updated)
  }

  /// The units of `tree` as CSV, in tree order, with every column (`effective` left empty).
  ///
  /// - Parameters:
  ///   - subtreeCode: only this unit's subtree; the whole tree when `nil`.
  ///   - includeClosed: also closed units.
  public static func export(
    _ tree: UnitTree, subtreeCode: String? = nil, includeClosed: Bool = true, withBOM: Bool = false
  ) -> String {
    let units = subtreeCode.map { tree.subtree(of: $0) } ?? tree.treeOrder
    let rows = units.filter { includeClosed || !$0.isClosed }.map { unit in
      [
        unit.code, unit.name, unit.shortName, unit.kind.rawValue, unit.parentCode ?? "", unit.organId, unit.hostName,
        unit.hostKind?.rawValue ?? "", unit.opened.description, unit.closed?.description ?? "", unit.successorCode, "",
      ]
    }
    return CSVWriter.document(header: columns, rows: rows, withBOM: withBOM)
  }

  /// The unit a row describes, as far as its fields read.
  private static func decode(_ reader: inout CSVRowReader) -> OrgUnit {
    let code = reader.text("code")
    let parent = reader.text("parent_code")
    let kind: UnitKind? = reader.choice("kind", UnitKind.self)
    if reader.text("kind").isEmpty { reader.fail("kind", "is required: e.g. GRASSROOTS_CELL") }
    let opened = reader.date("opened")
    if reader.text("opened").isEmpty { reader.fail("opened", "is required: the date the unit opened") }
    // A missing or unreadable date is reported above; the stand-in is a valid date, so that
    // the unit's own checks do not report it a second time.
    let standIn = CivilDate(CivilDate.supportedYears.lowerBound, 1, 1)
    return OrgUnit(
      code: code, name: reader.text("name"), shortName: reader.text("short_name"), kind: kind ?? .grassrootsCell,
      parentCode: parent.isEmpty ? nil : parent, organId: reader.text("organ_id"), hostName: reader.text("host_name"),
      hostKind: reader.choice("host_kind", HostOrganisationKind.self), opened: opened ?? standIn,
      closed: reader.date("closed"), successorCode: reader.text("successor_code"))
  }

  /// Creates, or moves and updates, one unit in `tree` (closure aside): the problems that
  /// refused it, or whether an existing unit changed.
  private static func apply(
    _ unit: OrgUnit, effective: CivilDate, to tree: inout UnitTree, stamp: ChangeStamp
  ) -> (problems: [UnitTreeError], changed: Bool) {
    var open = unit
    open.closed = nil
    open.successorCode = ""
    guard let existing = tree.unit(unit.code) else {
      let problems = tree.problems(adding: open)
      guard problems.isEmpty else { return (problems, false) }
      _ = try? tree.add(open, stamp: stamp)
      return ([], true)
    }
    var changed = false
    if let parent = unit.parentCode, parent != existing.parentCode {
      let problems = tree.problems(moving: unit.code, under: parent, effective: effective)
      guard problems.isEmpty else { return (problems, false) }
      _ = try? tree.move(unit.code, under: parent, effective: effective, stamp: stamp)
      changed = true
    }
    var update = unit
    update.parentCode = tree.unit(unit.code)?.parentCode
    update.closed = existing.closed
    update.successorCode = existing.successorCode
    let problems = tree.problems(updating: update)
    guard problems.isEmpty else { return (problems, false) }
    let entries = (try? tree.update(update, effective: effective, stamp: stamp)) ?? []
    return ([], changed || !entries.isEmpty)
  }

  /// The CSV column a tree error's field is read from.
  private static func column(for field: String) -> String? {
    switch field {
    case "new_parent_code": return "parent_code"
    case let field where columns.contains(field): return field
    default: return nil
    }
  }
}
