/// Indicator 3a for one unit and period: the share of documents exchanged and processed on the
/// network, state secrets excluded (Nghị quyết 01-NQ/ĐUK, II.2.2; target above 80%).
///
/// Units are counted as they are; the indicator module sums them up the unit tree and compares
/// with the target.
public struct NetworkShareCount: Sendable, Hashable {
  /// The unit's registry code.
  public var unitCode: String
  /// The period.
  public var period: ReportingPeriod
  /// Documents sent or received on the network, secret ones excluded.
  public var numerator: Int
  /// Documents sent or received by any channel, secret ones excluded.
  public var denominator: Int
  /// Secret documents left out of both, for the record.
  public var secretExcluded: Int

  /// A count.
  public init(unitCode: String, period: ReportingPeriod, numerator: Int, denominator: Int, secretExcluded: Int = 0) {
    self.unitCode = unitCode
    self.period = period
    self.numerator = numerator
    self.denominator = denominator
    self.secretExcluded = secretExcluded
  }

  /// One count per unit and period present in `flows`, ordered by unit code then period.
  /// A unit whose documents in a period were all secret gets 0 over 0: the indicator module
  /// decides what an empty share means.
  public static func tally(_ flows: some Sequence<DocumentFlow>) -> [NetworkShareCount] {
    var counts: [UnitPeriod: NetworkShareCount] = [:]
    for flow in flows {
      let key = UnitPeriod(unitCode: flow.unitCode, period: flow.period)
      var count =
        counts[key] ?? NetworkShareCount(unitCode: flow.unitCode, period: flow.period, numerator: 0, denominator: 0)
      if flow.confidentiality.isStateSecret {
        count.secretExcluded += flow.count
      } else {
        count.denominator += flow.count
        if flow.channel == .network { count.numerator += flow.count }
      }
      counts[key] = count
    }
    return counts.values.sorted { ($0.unitCode, $0.period) < ($1.unitCode, $1.period) }
  }

  private struct UnitPeriod: Hashable {
    var unitCode: String
    var period: ReportingPeriod
  }
}
