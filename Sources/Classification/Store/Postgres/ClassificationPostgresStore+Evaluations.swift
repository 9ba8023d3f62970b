import Foundation
import PostgresNIO
import ReformStore
import ReformWire

extension ClassificationPostgresStore {
  /// Saves a SubmitEvaluations batch in one transaction, as ``ClassificationStore`` does, after
  /// taking the advisory lock of every evaluation it writes or checks (see the type's notes):
  /// the owners' check reads the units stored once the locks are held.
  func saveEvaluations(
    _ records: [EvaluationRecord], links: [UnitLink], submittedBy: [UInt8]?, at date: Date, owners: OwnerCheck?,
    idempotency: IdempotencyClaim?, response: SubmitEvaluationsResponse
  ) async throws -> SubmitEvaluationsResponse {
    let millis = StoredValue.millis(date)
    let keys = records.map { EvaluationKey(year: $0.year, subjectKind: $0.subjectKind, subjectId: $0.subjectId) }
    return try await write(idempotency: idempotency) { db in
      try await Self.advisoryLocks(Set((keys + (owners?.keys ?? [])).map(Self.lockName)), db)
      if let owners { try owners.check(try await Self.storedUnits(of: owners.keys, db)) }
      try await Self.save(records, submittedBy: submittedBy, at: millis, db)
      try await Self.saveUnitLinks(links, db)
      return response
    }
  }

  /// The advisory lock's name of the evaluation `key`.
  static func lockName(_ key: EvaluationKey) -> String {
    "evaluation\u{1F}\(key.year)\u{1F}\(key.subjectKind)\u{1F}\(key.subjectId)"
  }

  /// Inserts or replaces `records` in the caller's transaction, which holds their locks: a
  /// replaced evaluation moves to the history with its revision, and the new one takes the
  /// next; an evaluation sent again unchanged keeps its revision.
  static func save(_ records: [EvaluationRecord], submittedBy: [UInt8]?, at millis: Int64, _ db: PostgresConnection)
    async throws
  {
    let by = submittedBy.map { Data($0) }
    for record in records {
      let payload = Data(record.payload)
      try await db.execute(
        """
        INSERT INTO classification_evaluation_history
        SELECT * FROM classification_evaluations
        WHERE year = \(record.year) AND subject_kind = \(Int64(record.subjectKind)) AND subject_id = \(record.subjectId)
          AND payload <> \(payload)
        """)
      try await db.execute(
        """
        INSERT INTO classification_evaluations AS e
          (year, subject_kind, subject_id, is_person, unit_code, subject_name, revision, submitted_by, submitted_at, payload)
        VALUES (
          \(record.year), \(Int64(record.subjectKind)), \(record.subjectId), \(record.isPerson), \(record.unitCode),
          \(record.subjectName), 1, \(by), \(millis), \(payload))
        ON CONFLICT (year, subject_kind, subject_id) DO UPDATE SET
          is_person = excluded.is_person, unit_code = excluded.unit_code, subject_name = excluded.subject_name,
          revision = e.revision + 1, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
          payload = excluded.payload
        WHERE e.payload <> excluded.payload
        """)
    }
  }

  /// Records that each of `links`' units lies directly under its parent; in unit order, so
  /// that two batches naming the same units take their row locks in one order.
  static func saveUnitLinks(_ links: [UnitLink], _ db: PostgresConnection) async throws {
    for link in links.sorted(by: { $0.unitCode < $1.unitCode }) where link.unitCode != link.parentCode {
      try await db.execute(
        """
        INSERT INTO classification_unit_links (unit_code, parent_code) VALUES (\(link.unitCode), \(link.parentCode))
        ON CONFLICT (unit_code) DO UPDATE SET parent_code = excluded.parent_code
        """)
    }
  }

  /// The unit each of `keys` that is already stored is rated in.
  static func storedUnits(of keys: [EvaluationKey], _ db: PostgresConnection) async throws -> [EvaluationKey: String] {
    guard !keys.isEmpty else { return [:] }
    var units: [EvaluationKey: String] = [:]
    for row in try await db.rows(
      """
      SELECT year, subject_kind, subject_id, unit_code FROM classification_evaluations
      WHERE (year, subject_kind, subject_id) IN (
        SELECT * FROM unnest(\(keys.map { Int64($0.year) })::bigint[], \(keys.map { Int64($0.subjectKind) })::bigint[],
          \(keys.map(\.subjectId))::text[]))
      """)
    {
      units[EvaluationKey(year: try row.integer(0), subjectKind: try row.integer(1), subjectId: try row.text(2))] =
        try row.text(3)
    }
    return units
  }

  func storedUnits(of keys: [EvaluationKey]) async throws -> [EvaluationKey: String] {
    try await read { db in try await Self.storedUnits(of: keys, db) }
  }

  func evaluations(year: Int, kinds: [Int32]) async throws -> [EvaluationRecord] {
    try await read { db in
      try await db.rows(
        """
        SELECT \(sql: EvaluationRecord.columns) FROM classification_evaluations
        WHERE year = \(year) AND subject_kind = ANY(\(kinds.map(Int64.init)))
        """
      ).map(EvaluationRecord.init(postgres:))
    }
  }

  func evaluation(year: Int, kind: Int32, subjectId: String, revision: Int64) async throws -> EvaluationRecord? {
    try await read { db in
      for table in ["classification_evaluations", "classification_evaluation_history"] {
        if let row = try await db.rows(
          """
          SELECT \(sql: EvaluationRecord.columns) FROM \(sql: table)
          WHERE year = \(year) AND subject_kind = \(Int64(kind)) AND subject_id = \(subjectId) AND revision = \(revision)
          """
        ).first {
          return try EvaluationRecord(postgres: row)
        }
      }
      return nil
    }
  }

  func evaluationPage(
    year: Int, units: Set<String>?, kinds: [Int32], subjectId: String, after: EvaluationPageKey?, limit: Int
  ) async throws -> (records: [EvaluationRecord], total: Int) {
    try await read { db in
      var filter = PostgresRowFilter()
      filter.year(year)
      filter.units(units)
      filter.oneOf("subject_kind", kinds)
      if !subjectId.isEmpty { filter.add("subject_id = \(subjectId)") }
      let total = try await filter.count(in: "classification_evaluations", db)
      if let after {
        filter.add(
          """
          (year, is_person, unit_code, subject_id, subject_kind) > (\(after.year), \(after.isPerson), \(after.unitCode), \
          \(after.subjectId), \(Int64(after.subjectKind)))
          """)
      }
      let records = try await db.rows(
        """
        SELECT \(sql: EvaluationRecord.columns) FROM classification_evaluations \(filter.clause)
        ORDER BY year, is_person, unit_code, subject_id, subject_kind LIMIT \(limit)
        """
      ).map(EvaluationRecord.init(postgres:))
      return (records, total)
    }
  }

  func unitLinks() async throws -> [String: String] {
    try await read { db in
      var parents: [String: String] = [:]
      for row in try await db.rows("SELECT unit_code, parent_code FROM classification_unit_links") {
        parents[try row.text(0)] = try row.text(1)
      }
      return parents
    }
  }

  func collectiveNames() async throws -> [String: String] {
    try await read { db in
      var names: [String: String] = [:]
      for row in try await db.rows(
        """
        SELECT subject_id, subject_name FROM classification_evaluations
        WHERE subject_kind = 4 AND subject_name <> '' ORDER BY year
        """)
      {
        names[try row.text(0)] = try row.text(1)
      }
      return names
    }
  }
}
