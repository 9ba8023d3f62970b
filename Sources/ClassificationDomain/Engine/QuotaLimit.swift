/// The number of HTXSNV one group may keep, given the rule set's quota and any exception.
struct QuotaLimit: Sendable {
  /// The share applied; `nil` when the exception lifts the limit or fixes the count.
  let shareBasisPoints: Int?
  private let basis: QuotaBasis
  private let rounding: QuotaRounding
  private let extraPlaces: Int
  private let fixedCount: Int?
  private let unlimited: Bool
  private let good: Int
  private let rated: Int

  init(quota: QuotaConfig, grant: QuotaException.Grant?, good: Int, rated: Int) {
    basis = quota.basis
    rounding = quota.rounding
    self.good = good
    self.rated = rated
    var share: Int? = quota.shareBasisPoints
    var extra = 0
    var fixed: Int?
    var unlimited = false
    switch grant {
    case nil: break
    case .unlimited?:
      unlimited = true
      share = nil
    case .shareBasisPoints(let raised)?: share = raised
    case .extraPlaces(let places)?: extra = places
    case .maxExcellentCount(let count)?:
      fixed = count
      share = nil
    }
    shareBasisPoints = share
    extraPlaces = extra
    fixedCount = fixed
    self.unlimited = unlimited
  }

  /// HTXSNV allowed once `demoted` of them became HTTNV; `nil` when unlimited.
  func allowed(afterDemoting demoted: Int) -> Int? {
    if unlimited { return nil }
    if let fixedCount { return fixedCount }
    let base = basis == .goodCount ? good + demoted : rated
    return rounding.allowed(shareBasisPoints: shareBasisPoints ?? 0, of: base) + extraPlaces
  }

  /// The fewest demotions d with `excellent − d ≤ allowed(d)`. The number allowed never falls
  /// as d grows and the number left falls by one each step, so the condition, once met, stays
  /// met: a binary search finds the fixed point (e.g. 10 HTXSNV and 20 HTTNV at 20%: d = 5,
  /// since 5 ≤ ⌊0.2 × 25⌋ while 6 > ⌊0.2 × 24⌋).
  func fewestDemotions(excellent: Int) -> Int {
    var low = 0
    var high = excellent
    while low < high {
      let middle = (low + high) / 2
      if fits(excellent: excellent, demoted: middle) { high = middle } else { low = middle + 1 }
    }
    return low
  }

  private func fits(excellent: Int, demoted: Int) -> Bool {
    guard let allowed = allowed(afterDemoting: demoted) else { return true }
    return excellent - demoted <= allowed
  }
}
