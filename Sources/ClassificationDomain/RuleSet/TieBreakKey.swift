/// A key ordering the demotion of HTXSNV subjects when a quota is exceeded: the lower value is
/// demoted first. Total score always comes first and subject id always last, so the order is
/// total and a rerun demotes the same people.
public enum TieBreakKey: String, Sendable, Hashable, Codable, CaseIterable {
  /// Total score. Always the first key.
  case totalScore
  /// Task results score (out of 70).
  case taskResultsScore
  /// Share of tasks exceeded.
  case exceededShare
  /// Share of tasks on time.
  case onTimeShare
  /// Subject id: the greater id (in Unicode scalar order of its canonical form) is demoted
  /// first. Always the last key.
  case subjectId

  /// The key in Vietnamese, for explanations.
  public var vietnameseName: String {
    switch self {
    case .totalScore: "tổng điểm"
    case .taskResultsScore: "điểm kết quả thực hiện nhiệm vụ"
    case .exceededShare: "tỷ lệ nhiệm vụ vượt mức"
    case .onTimeShare: "tỷ lệ nhiệm vụ đúng hạn"
    case .subjectId: "mã người được đánh giá"
    }
  }

  /// The key in English, for explanations.
  public var englishName: String {
    switch self {
    case .totalScore: "total score"
    case .taskResultsScore: "task results score"
    case .exceededShare: "share of tasks exceeded"
    case .onTimeShare: "share of tasks on time"
    case .subjectId: "subject id"
    }
  }
}

extension TieBreakKey {
  /// Reads the name, e.g. `"taskResultsScore"`.
  public init(from decoder: any Decoder) throws {
    self = try CaseDecoding.decode(Self.self, from: decoder, what: "a tie-break key")
  }
}
