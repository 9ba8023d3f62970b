import ReformKit

/// The maxima of the 100-point scale (thang điểm 100), in hundredths.
public struct RatingScoreScale: Sendable, Hashable, Codable {
  /// Nhóm tiêu chí chung: 3000 (30 points) under 366-QĐ/TW and Nghị định 335/2025/NĐ-CP.
  public var commonCriteriaMaxHundredths: Int
  /// Kết quả thực hiện nhiệm vụ: 7000 (70 points).
  public var taskResultsMaxHundredths: Int

  /// A scale of `common` plus `taskResults` hundredths.
  public init(commonCriteriaMaxHundredths common: Int, taskResultsMaxHundredths taskResults: Int) {
    self.commonCriteriaMaxHundredths = common
    self.taskResultsMaxHundredths = taskResults
  }

  /// The greatest total.
  public var totalMaxHundredths: Int { commonCriteriaMaxHundredths + taskResultsMaxHundredths }

  private enum CodingKeys: String, CodingKey, CaseIterable {
    case commonCriteriaMaxHundredths, taskResultsMaxHundredths
  }

  /// Reads the scale; unknown keys are refused.
  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    commonCriteriaMaxHundredths = try container.decode(Int.self, forKey: .commonCriteriaMaxHundredths)
    taskResultsMaxHundredths = try container.decode(Int.self, forKey: .taskResultsMaxHundredths)
  }
}
