import Foundation
import GRDB
import ReformStore
import ReformWire

extension ClassificationStore {
  /// Inserts or replaces `records` (one transaction is the caller's): a replaced evaluation
  /// moves to the history with its revision, and the new one takes the next; an evaluation
  /// sent again unchanged keeps its revision. Prepared statements, one per kind of write.
  static func save(
    _ records: [EvaluationRecord], submittedBy: [UInt8]?, at millis: Int64, in db: Database
  ) throws {
    let archive = try db.cachedStatement(
      sql: """
        INSERT INTO classification_evaluation_history
        SELECT * FROM classification_evaluations
        WHERE year = ? AND subject_kind = ? AND subject_id = ? AND payload <> ?
        """)
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO classification_evaluations
          (year, subject_kind, subject_id, is_person, unit_code, subject_name, revision, submitted_by, submitted_at, payload)
        VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
        ON CONFLICT (year, subject_kind, subject_id) DO UPDATE SET
          is_person = excluded.is_person, unit_code = excluded.unit_code, subject_name = excluded.subject_name,
          revision = revision + 1, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
          payload = excluded.payload
        WHERE payload <> excluded.payload
        """)
    let by = submittedBy.map { Data($0) }
    for record in records {
      let payload = Data(record.payload)
      archive.setUncheckedArguments([record.year, record.subjectKind, record.subjectId, payload])
      try archive.execute()
      upsert.setUncheckedArguments([
        record.year, record.subjectKind, record.subjectId, record.isPerson, record.unitCode, record.subjectName, by,
        millis, payload,
      ])
      try upsert.execute()
    }
  }

  /// The unit each of `keys` that is already stored is rated in: the owner a write must be
  /// allowed to replace.
  static func storedUnits(of keys: [EvaluationKey], in db: Database) throws -> [EvaluationKey: String] {
    let select = try db.cachedStatement(
      sql: "SELECT unit_code FROM classification_evaluations WHERE year = ? AND subject_kind = ? AND subject_id = ?")
    var units: [EvaluationKey: String] = [:]
    for key in keys {
      if let unit = try String.fetchOne(select, arguments: [key.year, key.subjectKind, key.subjectId]) { units[key] = unit }
    }
    return units
  }

  /// Saves a SubmitEvaluations batch in one transaction: `records` (``save(_:submittedBy:at:in:)``)
  /// and the unit `links` their collectives name, after `owners`' check of the units that the
  /// evaluations to be replaced are stored under (made here again, so that a submission
  /// racing this one cannot slip in between).
  func saveEvaluations(
    _ records: [EvaluationRecord], links: [UnitLink], submittedBy: [UInt8]?, at date: Date, owners: OwnerCheck?,
    idempotency: IdempotencyClaim?, response: SubmitEvaluationsResponse
  ) async throws -> SubmitEvaluationsResponse {
    let millis = StoredValue.millis(date)
    return try await write(idempotency: idempotency) { db in
      if let owners { try owners.check(try Self.storedUnits(of: owners.keys, in: db)) }
      try Self.save(records, submittedBy: submittedBy, at: millis, in: db)
      try Self.saveUnitLinks(links, in: db)
      return response
    }
  }

  /// ``storedUnits(of:in:)`` in a read of its own.
  func storedUnits(of keys: [EvaluationKey]) async throws -> [EvaluationKey: String] {
    try await read { db in try Self.storedUnits(of: keys, in: db) }
  }

  /// The current evaluations of `year` of the given kinds (proto numbers), for a run.
  func evaluations(year: Int, kinds: [Int32]) async throws -> [EvaluationRecord] {
    try await read { db in
      let marks = kinds.map { _ in "?" }.joined(separator: ", ")
      var arguments: StatementArguments = [year]
      arguments += StatementArguments(kinds)
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(EvaluationRecord.columns) FROM classification_evaluations
          WHERE year = ? AND subject_kind IN (\(marks))
          """, arguments: arguments)
      var records: [EvaluationRecord] = []
      while let row = try rows.next() { records.append(EvaluationRecord(row: row)) }
      return records
    }
  }

  /// One evaluation as it was at `revision` (the current one, or one from the history).
  func evaluation(year: Int, kind: Int32, subjectId: String, revision: Int64) async throws -> EvaluationRecord? {
    try await read { db in
      for table in ["classification_evaluations", "classification_evaluation_history"] {
        if let row = try Row.fetchOne(
          db,
          sql: """
            SELECT \(EvaluationRecord.columns) FROM \(table)
            WHERE year = ? AND subject_kind = ? AND subject_id = ? AND revision = ?
            """, arguments: [year, kind, subjectId, revision])
        {
          return EvaluationRecord(row: row)
        }
      }
      return nil
    }
  }

  /// A page of current evaluations in list order (year, collectives first, unit, subject),
  /// after `after` (the last key of the previous page), with the total matching.
  func evaluationPage(
    year: Int, units: Set<String>?, kinds: [Int32], subjectId: String, after: EvaluationPageKey?, limit: Int
  ) async throws -> (records: [EvaluationRecord], total: Int) {
    try await read { db in
      var filter = RowFilter()
      filter.year(year)
      filter.units(units)
      filter.oneOf("subject_kind", kinds)
      if !subjectId.isEmpty { filter.add("subject_id = ?", [subjectId]) }
      let total = try filter.count(in: "classification_evaluations", db)
      if let after {
        filter.add(
          "(year, is_person, unit_code, subject_id, subject_kind) > (?, ?, ?, ?, ?)",
          [after.year, after.isPerson ? 1 : 0, after.unitCode, after.subjectId, after.subjectKind])
      }
      let records = try Row.fetchAll(
        db,
        sql: """
          SELECT \(EvaluationRecord.columns) FROM classification_evaluations \(filter.clause)
          ORDER BY year, is_person, unit_code, subject_id, subject_kind LIMIT ?
          """, arguments: filter.arguments + [limit]
      ).map(EvaluationRecord.init(row:))
      return (records, total)
    }
  }

  /// Names of the collectives as last submitted, for summaries.
  func collectiveNames() async throws -> [String: String] {
    try await read { db in
      var names: [String: String] = [:]
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT subject_id, subject_name FROM classification_evaluations
          WHERE subject_kind = 4 AND subject_name <> '' ORDER BY year
          """)
      while let row = try rows.next() { names[row[0]] = row[1] }
      return names
    }
  }

  /// `values` as a JSON array of strings, for `json_each`.
  static func jsonArray(_ values: [String]) -> String {
    let data = (try? JSONEncoder().encode(values)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
