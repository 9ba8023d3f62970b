import Foundation
import GRDB

/// One rating as stored under its run: the columns lists filter and sort on, the checks and
/// any demotion in the compact form of ``StoredChecks`` and ``StoredDemotion``.
struct ResultRecord: Sendable {
  var runId: String = ""
  var year: Int = 0
  /// The proto's RatingSubjectKind number.
  var subjectKind: Int32
  var subjectId: String
  var subjectName: String
  var unitCode: String
  var quotaUnitCode: String
  var dutyGroup: String
  /// The level's rank, 1 (HTXSNV) to 4 (KHTNV), as the proto numbers it.
  var level: Int
  var levelBeforeQuota: Int
  var score: Int?
  var quotaDemoted: Bool
  var locked = false
  var supersededBy: String?
  var ruleSetId: String = ""
  var ruleSetVersion: Int = 0
  var evaluationRevision: Int64
  var ratedAtMillis: Int64 = 0
  var checks: [UInt8]
  var demotion: [UInt8]?

  /// When the rating was made.
  var ratedAtDate: Date { StoredValue.date(millis: ratedAtMillis) }

  static let columns = """
    run_id, year, subject_kind, subject_id, subject_name, unit_code, quota_unit_code, duty_group, level, \
    level_before_quota, score, quota_demoted, locked, superseded_by_run_id, rule_set_id, rule_set_version, \
    evaluation_revision, rated_at, checks, demotion
    """

  init(row: Row) {
    runId = row[0]
    year = row[1]
    subjectKind = row[2]
    subjectId = row[3]
    subjectName = row[4]
    unitCode = row[5]
    quotaUnitCode = row[6]
    dutyGroup = row[7]
    level = row[8]
    levelBeforeQuota = row[9]
    score = row[10]
    quotaDemoted = row[11]
    locked = row[12]
    supersededBy = row[13]
    ruleSetId = row[14]
    ruleSetVersion = row[15]
    evaluationRevision = row[16]
    ratedAtMillis = row[17]
    checks = [UInt8]((row[18] as Data?) ?? Data())
    demotion = (row[19] as Data?).map { [UInt8]($0) }
  }

  init(
    subjectKind: Int32, subjectId: String, subjectName: String, unitCode: String, quotaUnitCode: String,
    dutyGroup: String, level: Int, levelBeforeQuota: Int, score: Int?, quotaDemoted: Bool, evaluationRevision: Int64,
    checks: [UInt8], demotion: [UInt8]?
  ) {
    self.subjectKind = subjectKind
    self.subjectId = subjectId
    self.subjectName = subjectName
    self.unitCode = unitCode
    self.quotaUnitCode = quotaUnitCode
    self.dutyGroup = dutyGroup
    self.level = level
    self.levelBeforeQuota = levelBeforeQuota
    self.score = score
    self.quotaDemoted = quotaDemoted
    self.evaluationRevision = evaluationRevision
    self.checks = checks
    self.demotion = demotion
  }
}
