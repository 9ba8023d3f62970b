import ClassificationDomain
import Foundation
import PostgresNIO
import ReformKit
import ReformStore
import ReformWire

extension ClassificationPostgresStore {
  /// Records a run and its ratings in one transaction, as ``ClassificationStore`` does, once
  /// it holds the `run` counter row (see the type's notes): its number is taken from the row,
  /// and a FINAL run reads the current final ratings it supersedes only then.
  func recordRun(
    _ draft: ClassificationRun, quotaGroups: [RatingQuotaGroupOutcome], results: [ResultRecord], ratedAt: Date,
    idempotency: IdempotencyClaim?
  ) async throws -> ClassificationRunResponse {
    try await write(idempotency: idempotency) { db in
      let key = PostgresCounters.Key("run", "")
      var counters = try await PostgresCounters.lock([key], in: Self.counters, on: db)
      let seq = counters.next(key)
      let year = Int(draft.year)
      var run = RunRecording.numbered(draft, seq: seq)
      let final = draft.mode == .final
      if final {
        let finals = try await Self.currentFinals(year: year, kinds: RunRecording.kinds(of: results), db)
        for result in try RunRecording.supersede(&run, results: results, finals: finals) {
          try await db.execute(
            """
            UPDATE classification_results SET superseded_by_run_id = \(run.id)
            WHERE year = \(year) AND subject_kind = \(Int64(result.subjectKind)) AND subject_id = \(result.subjectId)
              AND locked = 1 AND superseded_by_run_id IS NULL
            """)
        }
      }
      let millis = StoredValue.millis(ratedAt)
      for result in results {
        try await db.execute(
          """
          INSERT INTO classification_results (\(sql: ResultRecord.columns))
          VALUES (\(run.id), \(year), \(Int64(result.subjectKind)), \(result.subjectId), \(result.subjectName), \
          \(result.unitCode), \(result.quotaUnitCode), \(result.dutyGroup), \(result.level), \(result.levelBeforeQuota), \
          \(result.score), \(result.quotaDemoted), \(final), NULL, \(draft.ruleSetId), \(Int64(draft.ruleSetVersion)), \
          \(result.evaluationRevision), \(millis), \(Data(result.checks)), \(result.demotion.map { Data($0) }))
          """)
      }
      run.finishedAt = Timestamp(Date())
      try await db.execute(
        """
        INSERT INTO classification_runs (seq, id, year, unit_code, mode, payload, quota_groups)
        VALUES (\(seq), \(run.id), \(year), \(run.unitCode), \(Int64(run.mode.rawValue)), \(Data(try run.wireBytes())), \
        \(Data(try RunRecording.encode(quotaGroups))))
        """)
      try await counters.save(on: db)
      return ClassificationRunResponse(run: run, quotaGroups: quotaGroups)
    }
  }

  func run(id: String) async throws -> (run: ClassificationRun, quotaGroups: [RatingQuotaGroupOutcome])? {
    try await read { db in
      guard let row = try await db.rows("SELECT payload, quota_groups FROM classification_runs WHERE id = \(id)").first
      else { return nil }
      return (try ClassificationRun(wireBytes: try row.bytes(0)), try RunRecording.decodeGroups(try row.bytes(1), runId: id))
    }
  }

  func runPage(
    year: Int, unitCode: String?, units: Set<String>?, mode: Int32, before: Int64?, limit: Int
  ) async throws -> (runs: [(seq: Int64, run: ClassificationRun)], total: Int) {
    try await read { db in
      var filter = PostgresRowFilter()
      filter.year(year)
      if let unitCode { filter.add("unit_code = \(unitCode)") }
      filter.units(units)
      if mode != 0 { filter.add("mode = \(Int64(mode))") }
      let total = try await filter.count(in: "classification_runs", db)
      if let before { filter.add("seq < \(before)") }
      let runs = try await db.rows(
        "SELECT seq, payload FROM classification_runs \(filter.clause) ORDER BY seq DESC LIMIT \(limit)"
      ).map { row -> (seq: Int64, run: ClassificationRun) in
        (try row.integer(0), try ClassificationRun(wireBytes: try row.bytes(1)))
      }
      return (runs, total)
    }
  }
}
