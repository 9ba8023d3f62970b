/// Points on the 100-point scale of Quy định 366-QĐ/TW and Nghị định 335/2025/NĐ-CP, in
/// hundredths of a point (9050 = 90.50) so that no rating depends on floating point.
public struct RatingScores: Sendable, Hashable, Codable {
  /// Nhóm tiêu chí chung: 0–3000 (out of 30.00 points).
  public var commonCriteriaHundredths: Int
  /// Kết quả thực hiện nhiệm vụ: 0–7000 (out of 70.00 points).
  public var taskResultsHundredths: Int

  /// Scores of `common` and `taskResults` hundredths.
  public init(commonCriteriaHundredths common: Int, taskResultsHundredths taskResults: Int) {
    self.commonCriteriaHundredths = common
    self.taskResultsHundredths = taskResults
  }

  /// The total the thresholds compare against.
  public var totalHundredths: Int { commonCriteriaHundredths + taskResultsHundredths }
}
