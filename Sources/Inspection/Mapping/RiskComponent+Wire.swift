import InspectionDomain
import ReformWire

extension RiskComponent {
  /// The component on the wire.
  var wire: InspectionRiskComponent {
    InspectionRiskComponent(
      factor: factor.wire, name: name, valueBp: Int32(clamping: valueBP), weightBp: Int32(clamping: weightBP),
      contributionBp: Int32(clamping: contributionBP), detail: detail)
  }
}

extension RiskFactor {
  /// The factor on the wire.
  var wire: InspectionRiskFactor {
    switch self {
    case .indicators: .indicators
    case .rating: .rating
    case .timeSinceVisit: .timeSinceVisit
    }
  }
}
