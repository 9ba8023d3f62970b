/// One of the four rating levels (mức xếp loại chất lượng), best first.
///
/// Encoded in JSON by its abbreviation (`"HTXSNV"`), the spelling every regulation uses.
/// Levels compare by ``rank``: ``isBetter(than:)`` and ``capped(at:)`` say which way.
public enum RatingLevel: String, Sendable, Hashable, Codable, CaseIterable {
  /// Hoàn thành xuất sắc nhiệm vụ: excellent.
  case htxsnv = "HTXSNV"
  /// Hoàn thành tốt nhiệm vụ: good.
  case httnv = "HTTNV"
  /// Hoàn thành nhiệm vụ: completed.
  case htnv = "HTNV"
  /// Không hoàn thành nhiệm vụ: not completed.
  case khtnv = "KHTNV"

  /// 1 for the best level (HTXSNV) to 4 for the worst (KHTNV), as in the proto's enum.
  public var rank: Int {
    switch self {
    case .htxsnv: 1
    case .httnv: 2
    case .htnv: 3
    case .khtnv: 4
    }
  }

  /// Whether this level is strictly better than `other`.
  public func isBetter(than other: RatingLevel) -> Bool { rank < other.rank }

  /// This level, or `cap` when `cap` is worse: a condition that fails never raises a level.
  public func capped(at cap: RatingLevel) -> RatingLevel { cap.rank > rank ? cap : self }

  /// The full Vietnamese name with its diacritics, e.g. "Hoàn thành xuất sắc nhiệm vụ".
  public var vietnameseName: String {
    switch self {
    case .htxsnv: "Hoàn thành xuất sắc nhiệm vụ"
    case .httnv: "Hoàn thành tốt nhiệm vụ"
    case .htnv: "Hoàn thành nhiệm vụ"
    case .khtnv: "Không hoàn thành nhiệm vụ"
    }
  }

  /// The English name, e.g. "excellent".
  public var englishName: String {
    switch self {
    case .htxsnv: "excellent"
    case .httnv: "good"
    case .htnv: "completed"
    case .khtnv: "not completed"
    }
  }

  /// The abbreviation, e.g. "HTXSNV".
  public var abbreviation: String { rawValue }
}

extension RatingLevel {
  /// Reads the abbreviation, e.g. `"HTXSNV"`.
  public init(from decoder: any Decoder) throws {
    self = try CaseDecoding.decode(Self.self, from: decoder, what: "a rating level")
  }
}
