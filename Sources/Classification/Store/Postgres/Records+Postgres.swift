import Foundation
import PostgresNIO
import ReformKit

extension EvaluationRecord {
  /// A record from a row with ``columns``.
  init(postgres row: PostgresRandomAccessRow) throws {
    self.init(
      year: try row.integer(0), subjectKind: try row.integer(1), subjectId: try row.text(2), unitCode: try row.text(3),
      subjectName: try row.text(4), payload: try row.bytes(8))
    revision = try row.integer(5)
    submittedBy = try row.optionalBytes(6)
    submittedAtMillis = try row.integer(7)
  }
}

extension ResultRecord {
  /// A record from a row with ``columns``.
  init(postgres row: PostgresRandomAccessRow) throws {
    self.init(
      subjectKind: try row.integer(2), subjectId: try row.text(3), subjectName: try row.text(4), unitCode: try row.text(5),
      quotaUnitCode: try row.text(6), dutyGroup: try row.text(7), level: try row.integer(8),
      levelBeforeQuota: try row.integer(9), score: try row[10].decode(Int64?.self).map { Int(clamping: $0) },
      quotaDemoted: try row.integer(11, as: Int64.self) != 0, evaluationRevision: try row.integer(16),
      checks: try row.bytes(18), demotion: try row.optionalBytes(19))
    runId = try row.text(0)
    year = try row.integer(1)
    locked = try row.integer(12, as: Int64.self) != 0
    supersededBy = try row[13].decode(String?.self)
    ruleSetId = try row.text(14)
    ruleSetVersion = try row.integer(15)
    ratedAtMillis = try row.integer(17)
  }
}

extension RuleSetRecord {
  /// A record from a row with ``columns``.
  init(postgres row: PostgresRandomAccessRow) throws {
    self.init(
      id: try row.text(0), version: try row.integer(1), content: try row.text(2), contentSHA256: try row.text(3),
      effectiveFrom: try row[4].decode(String?.self), effectiveTo: try row[5].decode(String?.self), loadedAt: Date(),
      loadedBy: try row.optionalBytes(7))
    loadedAtMillis = try row.integer(6)
  }
}

extension PostgresRandomAccessRow {
  /// The `BIGINT` in column `index`, as the integer type a record holds it in.
  func integer<I: FixedWidthInteger>(_ index: Int, as type: I.Type = I.self) throws -> I {
    let value = try self[index].decode(Int64.self)
    guard let exact = I(exactly: value) else {
      throw StoreFailure.damaged("\(value) in column \(self[index].columnName) does not fit \(I.self)")
    }
    return exact
  }

  /// The text in column `index`.
  func text(_ index: Int) throws -> String { try self[index].decode(String.self) }

  /// The bytes in column `index`.
  func bytes(_ index: Int) throws -> [UInt8] { [UInt8](try self[index].decode(Data.self)) }

  /// The bytes in column `index`, or nil for NULL.
  func optionalBytes(_ index: Int) throws -> [UInt8]? { try self[index].decode(Data?.self).map { [UInt8]($0) } }
}
