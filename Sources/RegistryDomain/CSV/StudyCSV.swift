/// Study records as CSV (`REGISTRY_CSV_KIND_STUDIES`): one record of studying a reform
/// document per row, the source of indicator 1.
///
/// Columns, in any order (the first three required):
///
/// | column | holds |
/// |---|---|
/// | `person_id` | the person, who must be on the roster |
/// | `document` | the document studied, e.g. 01-NQ/ĐUK |
/// | `studied` | the date of the session |
/// | `form` | how, e.g. hội nghị quán triệt, tự nghiên cứu |
/// | `note` | free text |
///
/// A record the person already has (same document and date) is left alone and counted as
/// already recorded; the same record twice in the file is an error.
public enum StudyCSV {
  /// Every column, in the order export writes them.
  public static let columns = ["person_id", "document", "studied", "form", "note"]

  /// What a successful import does.
  public struct Import: Sendable {
    /// Every row, in file order.
    public var studies: [PersonStudy]
    /// The roster with the new records added.
    public var roster: PersonRoster
    /// Records written.
    public var recorded: Int
    /// Rows whose record the person had already.
    public var alreadyRecorded: Int
  }

  /// Checks every row against the roster and each other, and adds the records to a copy of it.
  ///
  /// - Throws: ``CSVImportFailure`` with every problem.
  public static func importStudies(_ csv: String, roster: PersonRoster) throws(CSVImportFailure) -> Import {
    var table = CSVTable(document: CSVParser.parse(csv), known: columns, required: ["person_id", "document", "studied"])
    guard table.headerIsSound else { throw CSVImportFailure(errors: table.errors) }
    var working = roster
    var studies: [PersonStudy] = []
    var lineOfRecord: [String: Int] = [:]
    var recorded = 0
    var already = 0
    for record in table.rows {
      var reader = CSVRowReader(record: record, index: table.index)
      let personID = reader.required("person_id", "the id of the person who studied")
      let document = reader.required("document", "the document studied, e.g. 01-NQ/ĐUK")
      let studied = reader.date("studied")
      if reader.text("studied").isEmpty { reader.fail("studied", "is required: the date of the session") }
      if !personID.isEmpty, working.person(personID) == nil {
        reader.fail("person_id", "person \"\(personID)\" does not exist", kind: .notFound)
      }
      let key = "\(personID)|\(document)|\(studied?.description ?? "")"
      if let first = lineOfRecord[key] {
        reader.fail("studied", "the same record is on line \(first) already", kind: .alreadyExists)
      } else {
        lineOfRecord[key] = record.line
      }
      table.errors += reader.errors
      guard reader.errors.isEmpty, let studied, var person = working.person(personID) else { continue }
      let study = ReformStudyRecord(document: document, studied: studied, form: reader.text("form"), note: reader.text("note"))
      studies.append(PersonStudy(personID: personID, record: study))
      if person.studies.contains(where: { $0.document == document && $0.studied == studied }) {
        already += 1
      } else {
        person.studies.append(study)
        person.studies.sort { ($0.studied, $0.document) < ($1.studied, $1.document) }
        working.restore(person)
        recorded += 1
      }
    }
    guard table.errors.isEmpty else { throw CSVImportFailure(errors: table.errors) }
    return Import(studies: studies, roster: working, recorded: recorded, alreadyRecorded: already)
  }

  /// Every study record of `people` as CSV: people in the order given, each one's records
  /// oldest first.
  public static func export(_ people: [Person], withBOM: Bool = false) -> String {
    let rows = people.flatMap { person in
      person.studies.map { [person.id, $0.document, $0.studied.description, $0.form, $0.note] }
    }
    return CSVWriter.document(header: columns, rows: rows, withBOM: withBOM)
  }
}
