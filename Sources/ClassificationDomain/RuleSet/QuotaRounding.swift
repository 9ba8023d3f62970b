/// How the number of HTXSNV allowed is rounded.
public enum QuotaRounding: String, Sendable, Hashable, Codable, CaseIterable {
  /// Down: 20% of 7 = 1.4 → 1. "Không vượt quá" reads as never above the share.
  case floor
  /// Half up: 1.5 → 2.
  case halfUp

  /// `shareBasisPoints` of `base`, rounded this way.
  func allowed(shareBasisPoints: Int, of base: Int) -> Int {
    switch self {
    case .floor: shareBasisPoints * base / 10_000
    case .halfUp: (shareBasisPoints * base + 5_000) / 10_000
    }
  }
}

extension QuotaRounding {
  /// Reads the name, e.g. `"floor"`.
  public init(from decoder: any Decoder) throws {
    self = try CaseDecoding.decode(Self.self, from: decoder, what: "a quota rounding")
  }
}
