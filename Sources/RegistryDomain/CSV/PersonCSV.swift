/// People as CSV (`REGISTRY_CSV_KIND_PEOPLE`): import, all or nothing, and export in the same
/// columns. Study records have their own file (``StudyCSV``).
///
/// Columns, in any order (`id`, `full_name` and `unit_code` required; `id` may be empty for a
/// new person whose id the store assigns):
///
/// | column | holds |
/// |---|---|
/// | `id` | the person's id (``CodeSyntax``) |
/// | `full_name` | họ và tên |
/// | `gender` | MALE or FEMALE; may be empty |
/// | `birth_date` | date of birth; may be empty |
/// | `ethnicity` | dân tộc, e.g. Kinh, Thái, Mông |
/// | `categories` | `|`-separated CADRE, CIVIL_SERVANT, PUBLIC_EMPLOYEE, WORKER |
/// | `unit_code` | the unit the person is counted under |
/// | `workplace` | nơi công tác |
/// | `position` | chức vụ; may be empty |
/// | `leader_or_manager` | true/false, 1/0 or có/không |
/// | `theory_level` | UNTRAINED, ELEMENTARY, INTERMEDIATE, ADVANCED or BACHELOR; may be empty |
/// | `required_theory_level` | the same values; required for a leader or manager |
/// | `party_status` | OFFICIAL or PROBATIONARY; empty for a non-member |
/// | `admitted` | date of admission to the Party |
/// | `official` | date membership became official |
/// | `card_number` | Party card number |
/// | `left` | date the person stopped being a member of a unit of the bloc |
/// | `left_reason` | why |
/// | `arrived` | date the person joined the bloc's organisations |
/// | `departed` | date the person left the bloc |
/// | `note` | free text |
///
/// `left` and `left_reason` extend the columns `registry.proto` lists, so that a membership
/// that ended survives a round trip. Rows are upserts by id: a known id replaces the record
/// but keeps its study records. Every row is checked on its own (``Person/validationProblems``)
/// and against the tree (``PersonRoster``): its unit exists, and a closed unit takes no new
/// people.
public enum PersonCSV {
  /// Every column, in the order export writes them.
  public static let columns = [
    "id", "full_name", "gender", "birth_date", "ethnicity", "categories", "unit_code", "workplace", "position",
    "leader_or_manager", "theory_level", "required_theory_level", "party_status", "admitted", "official",
    "card_number", "left", "left_reason", "arrived", "departed", "note",
  ]

  /// What a successful import does.
  public struct Import: Sendable {
    /// Every row's person as validated (with the studies already on record), in file order.
    public var people: [Person]
    /// Rows that create a person.
    public var created: Int
    /// Rows that change a person.
    public var updated: Int
    /// Rows identical to the record as it stood.
    public var unchanged: Int
  }

  /// Checks every row of `csv` on its own, against the tree and roster, and against each other.
  ///
  /// - Throws: ``CSVImportFailure`` with every problem.
  public static func importPeople(
    _ csv: String, roster: PersonRoster, tree: UnitTree
  ) throws(CSVImportFailure) -> Import {
    var table = CSVTable(document: CSVParser.parse(csv), known: columns, required: ["id", "full_name", "unit_code"])
    guard table.headerIsSound else { throw CSVImportFailure(errors: table.errors) }
    var people: [Person] = []
    people.reserveCapacity(table.rows.count)
    var lineOfID: [String: Int] = [:]
    var created = 0
    var updated = 0
    // Each row on its own (the most of an import's checking), on every core; then the rows
    // against each other, in file order.
    let index = table.index
    let checked = table.rows.concurrentMap { record in
      var reader = CSVRowReader(record: record, index: index)
      var person = decode(&reader)
      let existing = person.id.isEmpty ? nil : roster.person(person.id)
      if let existing { person.studies = existing.studies }
      for problem in person.validationProblems { reader.fail(problem, columnFor: column(for:)) }
      for problem in PersonRoster.unitProblems(of: person, previousUnit: existing?.unitCode, in: tree) {
        reader.fail(problem, columnFor: column(for:))
      }
      return (reader: reader, person: person, existing: existing)
    }
    for (checkedReader, person, existing) in checked {
      var reader = checkedReader
      if !person.id.isEmpty {
        if let first = lineOfID[person.id] {
          reader.fail("id", "\"\(person.id)\" is on line \(first) already", kind: .alreadyExists)
        } else {
          lineOfID[person.id] = reader.record.line
        }
      }
      table.errors += reader.errors
      if existing == nil { created += 1 } else if existing != person { updated += 1 }
      people.append(person)
    }
    guard table.errors.isEmpty else { throw CSVImportFailure(errors: table.errors) }
    return Import(people: people, created: created, updated: updated, unchanged: people.count - created - updated)
  }

  /// People as CSV, in the order given.
  public static func export(_ people: [Person], withBOM: Bool = false) -> String {
    let rows = people.map { person -> [String] in
      let membership = person.partyMembership
      return [
        person.id, person.fullName, person.gender?.rawValue ?? "", person.birthDate?.description ?? "",
        person.ethnicity, person.categories.sorted().map(\.rawValue).joined(separator: "|"), person.unitCode,
        person.workplace, person.position, person.leaderOrManager ? "true" : "false",
        person.theoryLevel?.rawValue ?? "", person.requiredTheoryLevel?.rawValue ?? "",
        membership?.status.rawValue ?? "", membership?.admitted.description ?? "",
        membership?.official?.description ?? "", membership?.cardNumber ?? "", membership?.left?.description ?? "",
        membership?.leftReason ?? "", person.arrived?.description ?? "", person.departed?.description ?? "",
        person.note,
      ]
    }
    return CSVWriter.document(header: columns, rows: rows, withBOM: withBOM)
  }

  /// The person a row describes, as far as its fields read.
  private static func decode(_ reader: inout CSVRowReader) -> Person {
    var categories = Set<PersonCategory>()
    let list = reader.text("categories")
    if !list.isEmpty {
      for name in list.split(separator: "|") {
        let name = String(name).normalizedText
        guard let category: PersonCategory = reader.choice(name, in: "categories") else { continue }
        if !categories.insert(category).inserted { reader.fail("categories", "\(category.rawValue) is listed twice") }
      }
    }
    var membership: PartyMembership?
    let status = reader.choice("party_status", PartyMemberStatus.self)
    let admitted = reader.date("admitted")
    let official = reader.date("official")
    let left = reader.date("left")
    if let status {
      if let admitted {
        membership = PartyMembership(
          status: status, admitted: admitted, official: official, cardNumber: reader.text("card_number"), left: left,
          leftReason: reader.text("left_reason"))
      } else {
        reader.fail("admitted", "is required for a Party member: the date of admission")
      }
    } else if reader.text("party_status").isEmpty {
      for column in ["admitted", "official", "card_number", "left", "left_reason"] where !reader.text(column).isEmpty {
        reader.fail(column, "is only for a Party member; set party_status to OFFICIAL or PROBATIONARY")
        break
      }
    }
    return Person(
      id: reader.text("id"), fullName: reader.text("full_name"), gender: reader.choice("gender", PersonGender.self),
      birthDate: reader.date("birth_date"), ethnicity: reader.text("ethnicity"), categories: categories,
      partyMembership: membership, unitCode: reader.text("unit_code"), workplace: reader.text("workplace"),
      position: reader.text("position"), leaderOrManager: reader.bool("leader_or_manager"),
      theoryLevel: reader.choice("theory_level", PoliticalTheoryLevel.self),
      requiredTheoryLevel: reader.choice("required_theory_level", PoliticalTheoryLevel.self),
      arrived: reader.date("arrived"), departed: reader.date("departed"), note: reader.text("note"))
  }

  /// The CSV column a person error's field is read from.
  private static func column(for field: String) -> String? {
    switch field {
    case "party_membership.status": return "party_status"
    case "party_membership.admitted": return "admitted"
    case "party_membership.official": return "official"
    case "party_membership.card_number": return "card_number"
    case "party_membership.left": return "left"
    case let field where columns.contains(field): return field
    default: return nil
    }
  }
}
