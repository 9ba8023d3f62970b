import ClassificationDomain
import Foundation
import GRDB
import ReformKit
import ReformStore
import ReformWire

extension ClassificationStore {
  /// Records a run and its ratings in the caller's transaction, numbering it
  /// `R<year>-<n>`, and returns the run as recorded.
  ///
  /// For a FINAL run, each subject's current final rating is superseded by the new one (kept,
  /// marked with the new run's id); when any is, the run must carry a rerun reason, and the
  /// runs superseded and the subjects whose level changed are recorded with it. The check is
  /// made here, inside the write, so two final runs cannot both supersede one rating.
  static func record(
    _ draft: ClassificationRun, quotaGroups: [RatingQuotaGroupOutcome], results: [ResultRecord], ratedAt: Date,
    in db: Database
  ) throws -> ClassificationRun {
    let year = Int(draft.year)
    let seq = (try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM classification_runs") ?? 0) + 1
    var run = RunRecording.numbered(draft, seq: seq)
    let final = draft.mode == .final
    if final {
      let finals = try currentFinals(year: year, kinds: RunRecording.kinds(of: results), in: db)
      let replaced = try RunRecording.supersede(&run, results: results, finals: finals)
      let supersede = try db.cachedStatement(
        sql: """
          UPDATE classification_results SET superseded_by_run_id = ?
          WHERE year = ? AND subject_kind = ? AND subject_id = ? AND locked = 1 AND superseded_by_run_id IS NULL
          """)
      for result in replaced {
        supersede.setUncheckedArguments([run.id, year, result.subjectKind, result.subjectId])
        try supersede.execute()
      }
    }
    let insert = try db.cachedStatement(
      sql: """
        INSERT INTO classification_results (\(ResultRecord.columns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)
        """)
    let millis = StoredValue.millis(ratedAt)
    for result in results {
      insert.setUncheckedArguments([
        run.id, year, result.subjectKind, result.subjectId, result.subjectName, result.unitCode, result.quotaUnitCode,
        result.dutyGroup, result.level, result.levelBeforeQuota, result.score, result.quotaDemoted, final,
        draft.ruleSetId, draft.ruleSetVersion, result.evaluationRevision, millis, Data(result.checks),
        result.demotion.map { Data($0) },
      ])
      try insert.execute()
    }
    run.finishedAt = Timestamp(Date())
    try db.execute(
      sql: """
        INSERT INTO classification_runs (seq, id, year, unit_code, mode, payload, quota_groups)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [seq, run.id, year, run.unitCode, run.mode.rawValue, Data(try run.wireBytes()), Data(try RunRecording.encode(quotaGroups))])
    return run
  }

  /// Records a run and its ratings in one transaction (``record(_:quotaGroups:results:ratedAt:in:)``).
  func recordRun(
    _ draft: ClassificationRun, quotaGroups: [RatingQuotaGroupOutcome], results: [ResultRecord], ratedAt: Date,
    idempotency: IdempotencyClaim?
  ) async throws -> ClassificationRunResponse {
    try await write(idempotency: idempotency) { db in
      let run = try Self.record(draft, quotaGroups: quotaGroups, results: results, ratedAt: ratedAt, in: db)
      return ClassificationRunResponse(run: run, quotaGroups: quotaGroups)
    }
  }

  /// The run `id` with its quota arithmetic.
  func run(id: String) async throws -> (run: ClassificationRun, quotaGroups: [RatingQuotaGroupOutcome])? {
    try await read { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT payload, quota_groups FROM classification_runs WHERE id = ?", arguments: [id])
      else { return nil }
      let payload: Data = row[0]
      let groups: Data = row[1]
      return (try ClassificationRun(wireBytes: [UInt8](payload)), try RunRecording.decodeGroups([UInt8](groups), runId: id))
    }
  }

  /// A page of runs, newest first, after the run numbered `before`, with the total.
  func runPage(
    year: Int, unitCode: String?, units: Set<String>?, mode: Int32, before: Int64?, limit: Int
  ) async throws -> (runs: [(seq: Int64, run: ClassificationRun)], total: Int) {
    try await read { db in
      var filter = RowFilter()
      filter.year(year)
      if let unitCode { filter.add("unit_code = ?", [unitCode]) }
      filter.units(units)
      if mode != 0 { filter.add("mode = ?", [mode]) }
      let total = try filter.count(in: "classification_runs", db)
      if let before { filter.add("seq < ?", [before]) }
      let runs = try Row.fetchAll(
        db, sql: "SELECT seq, payload FROM classification_runs \(filter.clause) ORDER BY seq DESC LIMIT ?",
        arguments: filter.arguments + [limit]
      ).map { row -> (seq: Int64, run: ClassificationRun) in
        let payload: Data = row[1]
        return (row[0], try ClassificationRun(wireBytes: [UInt8](payload)))
      }
      return (runs, total)
    }
  }
}
