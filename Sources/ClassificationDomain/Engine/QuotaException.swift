import ReformKit

/// An authority's permission for a quota unit to exceed the HTXSNV quota in one year
/// (Nghị định 335/2025/NĐ-CP: for organisations with outstanding achievements), applied as
/// data by ``ClassificationEngine``.
///
/// An exception for a whole unit (``dutyGroup`` `nil`) applies to the unit's limit and to each
/// of its duty groups that has no exception of its own.
public struct QuotaException: Sendable, Hashable, Codable {
  /// What is granted.
  public enum Grant: Sendable, Hashable {
    /// No quota for the group this year.
    case unlimited
    /// A higher share, in basis points, in place of the rule set's.
    case shareBasisPoints(Int)
    /// Places on top of the number the share allows.
    case extraPlaces(Int)
    /// A fixed maximum count of HTXSNV.
    case maxExcellentCount(Int)
  }

  /// Identifies the exception in results, e.g. `QE-2026-014`.
  public var id: String
  /// The quota unit it applies to.
  public var unitCode: String
  /// The duty group it applies to; the whole unit when `nil`.
  public var dutyGroup: String?
  /// The year it applies to.
  public var year: Int
  /// What is granted.
  public var grant: Grant
  /// The granting authority (cấp có thẩm quyền), e.g. "Ban Thường vụ Tỉnh ủy".
  public var authority: String
  /// The decision granting it.
  public var decision: SourceRef
  /// Why it was granted.
  public var reason: String?
  /// Revoked exceptions are kept and no longer applied.
  public var revoked: Bool

  /// The exception `id` granting `grant` to `unitCode` for `year`.
  public init(
    id: String, unitCode: String, dutyGroup: String? = nil, year: Int, grant: Grant,
    authority: String, decision: SourceRef, reason: String? = nil, revoked: Bool = false
  ) {
    self.id = id
    self.unitCode = unitCode
    self.dutyGroup = dutyGroup
    self.year = year
    self.grant = grant
    self.authority = authority
    self.decision = decision
    self.reason = reason
    self.revoked = revoked
  }

  /// The duty group, `nil` when absent or empty.
  var effectiveDutyGroup: String? {
    guard let dutyGroup, !dutyGroup.isEmpty else { return nil }
    return dutyGroup
  }
}

extension QuotaException.Grant: Codable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case unlimited, shareBasisPoints, extraPlaces, maxExcellentCount
  }

  /// Reads exactly one of `{"unlimited": true}`, `{"shareBasisPoints": 3000}`,
  /// `{"extraPlaces": 2}`, `{"maxExcellentCount": 5}`.
  public init(from decoder: any Decoder) throws {
    try StrictKeys.check(decoder, allowed: CodingKeys.self)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    guard container.allKeys.count == 1, let key = container.allKeys.first else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "give exactly one of unlimited, shareBasisPoints, extraPlaces, maxExcellentCount"))
    }
    switch key {
    case .unlimited: self = .unlimited
    case .shareBasisPoints: self = .shareBasisPoints(try container.decode(Int.self, forKey: key))
    case .extraPlaces: self = .extraPlaces(try container.decode(Int.self, forKey: key))
    case .maxExcellentCount: self = .maxExcellentCount(try container.decode(Int.self, forKey: key))
    }
  }

  /// Writes the one key of the grant.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .unlimited: try container.encode(true, forKey: .unlimited)
    case .shareBasisPoints(let share): try container.encode(share, forKey: .shareBasisPoints)
    case .extraPlaces(let places): try container.encode(places, forKey: .extraPlaces)
    case .maxExcellentCount(let count): try container.encode(count, forKey: .maxExcellentCount)
    }
  }
}
