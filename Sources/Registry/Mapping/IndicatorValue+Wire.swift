import Foundation
import RegistryDomain
import ReformWire

extension IndicatorValue {
  /// The value on the wire, with the set version and revision of `stamp` and its period's
  /// status.
  func wire(stamp: ValueStamp?, status: PeriodStatus) -> ReformWire.IndicatorValue {
    ReformWire.IndicatorValue(
      setId: key.setID, setVersion: Int32(clamping: stamp?.setVersion ?? 0), indicatorCode: key.indicatorCode,
      unitCode: key.unitCode, period: key.period.wire, numerator: Int64(ratio.numerator),
      denominator: Int64(ratio.denominator), origin: ReformWire.IndicatorValueOrigin(origin),
      status: IndicatorPeriodStatus(status), note: note, evidence: evidence, reportedBy: reportedBy?.wire,
      reportedAt: reportedAt.map(Timestamp.init), revision: stamp?.revision ?? 0)
  }
}

extension PeriodState {
  /// The state on the wire, with the indicators the unit has yet to report.
  func wire(missing: [String]) -> IndicatorPeriodState {
    IndicatorPeriodState(
      setId: key.setID, unitCode: key.unitCode, period: key.period.wire, status: IndicatorPeriodStatus(status),
      transitions: transitions.map { transition in
        IndicatorPeriodTransition(
          fromStatus: IndicatorPeriodStatus(transition.from), toStatus: IndicatorPeriodStatus(transition.to),
          actor: transition.actor.wire, at: Timestamp(transition.at), reason: transition.reason)
      },
      missingIndicatorCodes: missing)
  }
}

extension IndicatorResult {
  /// The result on the wire, with coverage in basis points.
  var wire: ReformWire.IndicatorResult {
    ReformWire.IndicatorResult(
      setId: setID, indicatorCode: indicatorCode, unitCode: unitCode, period: period.wire,
      numerator: Int64(ratio.numerator), denominator: Int64(ratio.denominator),
      valueBasisPoints: Int32(clamping: valueBasisPoints), attainmentBasisPoints: Int32(clamping: attainmentBasisPoints),
      outcome: IndicatorTargetOutcome(outcome), unitsReported: Int64(unitsReported), unitsExpected: Int64(unitsExpected),
      coverageBasisPoints: Int32(clamping: coverage.basisPoints), unitsApproved: Int64(unitsApproved))
  }
}

extension IndicatorComputationSkip {
  /// The skip on the wire.
  var wire: ReformWire.IndicatorComputationSkip {
    ReformWire.IndicatorComputationSkip(indicatorCode: indicatorCode, unitCode: unitCode ?? "", reason: reason)
  }
}
