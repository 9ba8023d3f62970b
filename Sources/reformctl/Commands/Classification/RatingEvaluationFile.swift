import Foundation
import ReformWire

/// A spreadsheet of year-end evaluations, as a unit's secretary fills it in: one row per
/// person or collective, read into the messages `Classification.SubmitEvaluations` takes,
/// each with the line it came from.
///
/// The columns, their meaning and an example are ``help``; the cells' small languages
/// (discipline, decline, lists) are read by ``RatingCells``. Every wrong cell is reported,
/// not only the first, each as `FILE:LINE: column: message`.
struct RatingEvaluationFile {
  /// A cell that cannot be read, or a row that cannot be sent.
  struct Problem: Sendable {
    var line: Int
    var column: String
    var message: String

    /// `FILE:LINE: column: message`, or `FILE:LINE: message` for a whole row.
    func render(file: String) -> String {
      let place = line > 0 ? "\(file):\(line):" : "\(file):"
      return column.isEmpty ? "\(place) \(message)" : "\(place) \(column): \(message)"
    }
  }

  /// A person's evaluation and its line.
  struct PersonRow: Sendable {
    var line: Int
    var evaluation: PersonEvaluation
  }

  /// A collective's evaluation and its line.
  struct CollectiveRow: Sendable {
    var line: Int
    var evaluation: CollectiveEvaluation
  }

  /// Who a column is for.
  enum Scope {
    case every, person, collective
  }

  /// One column: its header, who it is for, and what it holds.
  struct Column {
    var name: String
    var scope: Scope
    var help: String
  }

  /// The columns a file may have, in the order ``help`` lists them; a file needs only
  /// `kind`, `id` and `year` (or `--year`), in any order.
  static let columns: [Column] = [
    Column(name: "kind", scope: .every, help: "party-member, civil-servant, public-employee or collective (also: đảng viên, công chức, viên chức, tập thể)"),
    Column(name: "id", scope: .every, help: "the person's id; for a collective, its unit code"),
    Column(name: "name", scope: .every, help: "full name as rated (optional; the registry's when blank)"),
    Column(name: "unit_code", scope: .every, help: "the unit the person is rated in (a Party member's chi bộ); a collective's is its id"),
    Column(name: "year", scope: .every, help: "the year rated, e.g. 2025 (blank: --year)"),
    Column(name: "quota_unit_code", scope: .person, help: "the unit whose quota the person counts in (blank: unit_code)"),
    Column(name: "duty_group", scope: .person, help: "group of similar duties the quota also applies within (blank: none)"),
    Column(name: "common_score", scope: .every, help: "common criteria, points out of 30, two decimals at most (27.5 or 27,50)"),
    Column(name: "task_score", scope: .every, help: "task results, points out of 70"),
    Column(name: "tasks_total", scope: .every, help: "tasks assigned"),
    Column(name: "tasks_on_time", scope: .every, help: "of those, completed on time"),
    Column(name: "tasks_exceeded", scope: .every, help: "of those on time, exceeded (blank: 0)"),
    Column(name: "assessed_level", scope: .every, help: "level proposed by the assessing body: HTXSNV, HTTNV, HTNV or KHTNV (rule sets without points rate from it)"),
    Column(name: "self_assessed_level", scope: .every, help: "the subject's own assessment (recorded, not used)"),
    Column(name: "discipline", scope: .every, help: "disciplinary decisions, ';'-separated: LEVEL@DATE with optional marks (below)"),
    Column(name: "decline", scope: .person, help: "findings of ideological, moral or lifestyle decline, ';'-separated: DATE[!counted]"),
    Column(name: "position", scope: .person, help: "title held, e.g. Bí thư Chi bộ"),
    Column(name: "leader", scope: .person, help: "yes when the position is one of leadership or management (có/không, x, 1/0)"),
    Column(name: "leads_unit", scope: .person, help: "the unit whose collective the person heads (a leader's rules read its rating)"),
    Column(name: "parent_unit_code", scope: .collective, help: "the unit directly above (places the unit in the tree when no registry is at hand)"),
    Column(name: "targets_total", scope: .collective, help: "targets of the year"),
    Column(name: "targets_met", scope: .collective, help: "of those, met"),
    Column(name: "subordinates_total", scope: .collective, help: "subordinate Party organisations during the year"),
    Column(name: "disciplined_subordinates", scope: .collective, help: "codes of those disciplined in the year, ';'-separated; CODE*self for one disciplined on the collective's own finding"),
    Column(name: "leaders", scope: .collective, help: "person ids of its leadership (cấp ủy), ';'-separated"),
    Column(name: "disciplined_leaders", scope: .collective, help: "of those, the ones disciplined in the year, ';'-separated"),
    Column(name: "note", scope: .every, help: "free text"),
  ]

  private(set) var persons: [PersonRow] = []
  private(set) var collectives: [CollectiveRow] = []
  private(set) var problems: [Problem] = []
  /// Data rows read, blank lines left out.
  private(set) var rows = 0

  /// Reads `data`; `defaultYear` fills blank `year` cells.
  init(_ data: Data, defaultYear: Int32?) {
    let records: [RatingCSVReader.Record]
    do {
      records = try RatingCSVReader.records(data)
    } catch {
      problems.append(Problem(line: error.line, column: "", message: error.message))
      return
    }
    guard let header = records.first else {
      problems.append(Problem(line: 0, column: "", message: "the file is empty; it needs a header line naming its columns"))
      return
    }
    guard let columns = readHeader(header) else { return }
    var seen: [String: Int] = [:]
    for record in records.dropFirst() {
      rows += 1
      var row = RatingCells(line: record.line, fields: record.fields, columns: columns)
      if record.fields.count > header.fields.count {
        row.fail("", "has \(record.fields.count) fields, the header \(header.fields.count); quote a cell that holds a comma")
      }
      read(&row, defaultYear: defaultYear, seen: &seen)
      problems += row.problems
    }
  }

  /// The column of each header cell; `nil` (with the problems recorded) when a column is
  /// unknown, repeated or a required one is missing.
  private mutating func readHeader(_ header: RatingCSVReader.Record) -> [String: Int]? {
    var columns: [String: Int] = [:]
    let known = Set(Self.columns.map(\.name))
    for (index, cell) in header.fields.enumerated() {
      let name = cell.trimmingCharacters(in: .whitespaces).lowercased()
      if name.isEmpty { continue }
      if !known.contains(name) {
        problems.append(
          Problem(line: header.line, column: name, message: "unknown column; the columns are \(Self.columns.map(\.name).joined(separator: ", "))"))
      } else if let first = columns[name] {
        problems.append(Problem(line: header.line, column: name, message: "appears twice (columns \(first + 1) and \(index + 1))"))
      } else {
        columns[name] = index
      }
    }
    for required in ["kind", "id"] where columns[required] == nil {
      problems.append(Problem(line: header.line, column: required, message: "required column missing from the header"))
    }
    return problems.isEmpty ? columns : nil
  }

  /// Reads one row into a person or a collective.
  private mutating func read(_ row: inout RatingCells, defaultYear: Int32?, seen: inout [String: Int]) {
    let kindText = row["kind"]
    let kind = RatingKindArgument.parse(kindText)
    if kindText.isEmpty {
      row.fail("kind", "required: party-member, civil-servant, public-employee or collective")
    } else if kind == nil {
      row.fail("kind", "\"\(kindText)\" is not party-member, civil-servant, public-employee or collective")
    }
    let id = row["id"]
    if id.isEmpty { row.fail("id", "required") }
    var year = defaultYear ?? 0
    if !row["year"].isEmpty {
      year = row.int("year") ?? 0
    } else if defaultYear == nil {
      row.fail("year", "required (or give --year)")
    }
    guard let kind else { return }
    for column in Self.columns where column.scope != .every && column.scope != (kind == .collective ? .collective : .person) {
      if !row[column.name].isEmpty {
        row.fail(column.name, "only for \(column.scope == .person ? "people" : "collectives"); leave it blank on a \(RatingText.kind(kind)) row")
      }
    }
    if !id.isEmpty {
      let key = "\(kind.rawValue)\u{1F}\(id)\u{1F}\(year)"
      if let first = seen[key] {
        row.fail("id", "\(id) is already rated as \(RatingText.kind(kind)) for \(year) on line \(first)")
      } else {
        seen[key] = row.line
      }
    }
    if kind == .collective {
      readCollective(&row, id: id, year: year)
    } else {
      readPerson(&row, kind: kind, id: id, year: year)
    }
  }

  private mutating func readPerson(_ row: inout RatingCells, kind: RatingSubjectKind, id: String, year: Int32) {
    var person = PersonEvaluation(
      personId: id, year: year, subjectKind: kind, subjectName: row["name"], unitCode: row["unit_code"],
      quotaUnitCode: row["quota_unit_code"], dutyGroup: row["duty_group"], scores: row.scores(), tasks: row.tasks(),
      discipline: row.discipline(defaultSystem: kind == .partyMember ? .party : .administrative),
      declines: row.declines(), assessedLevel: row.level("assessed_level"),
      selfAssessedLevel: row.level("self_assessed_level"), note: row["note"])
    if person.unitCode.isEmpty { row.fail("unit_code", "required for a person") }
    let title = row["position"], ledUnit = row["leads_unit"]
    let leader = row.flag("leader") ?? false
    if !title.isEmpty || leader || !ledUnit.isEmpty {
      person.positions = [
        RatingPosition(
          title: title, unitCode: person.unitCode, leaderOrManager: leader || !ledUnit.isEmpty, head: !ledUnit.isEmpty,
          ledUnitCode: ledUnit)
      ]
    }
    if row.problems.isEmpty { persons.append(PersonRow(line: row.line, evaluation: person)) }
  }

  private mutating func readCollective(_ row: inout RatingCells, id: String, year: Int32) {
    let unit = row["unit_code"]
    if !unit.isEmpty, unit != id {
      row.fail("unit_code", "\(unit) differs from id \(id); a collective's id is its unit code (leave unit_code blank)")
    }
    let subordinates = row.subordinates()
    let collective = CollectiveEvaluation(
      unitCode: id, year: year, subjectName: row["name"], scores: row.scores(), tasks: row.tasks(),
      targetsTotal: row.int("targets_total") ?? 0, targetsMet: row.int("targets_met") ?? 0,
      subordinateUnitsTotal: row.int("subordinates_total") ?? 0,
      disciplinedSubordinateUnitCodes: subordinates.codes,
      discipline: row.discipline(defaultSystem: .party), leaderPersonIds: row.list("leaders"),
      disciplinedLeaderPersonIds: row.list("disciplined_leaders"), assessedLevel: row.level("assessed_level"),
      selfAssessedLevel: row.level("self_assessed_level"), note: row["note"],
      selfDetectedSubordinateUnitCodes: subordinates.selfDetected, parentUnitCode: row["parent_unit_code"])
    if row.problems.isEmpty { collectives.append(CollectiveRow(line: row.line, evaluation: collective)) }
  }
}
