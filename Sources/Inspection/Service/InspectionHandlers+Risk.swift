import Foundation
import GRPCCore
import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension InspectionHandlers {
  /// ComputeRisk: each unit's risk from its indicators, ratings and time since the last visit
  /// (see ``RiskCalculator``).
  func computeRisk(_ request: InspectionComputeRiskRequest, _ context: JobContext) async throws
    -> InspectionComputeRiskResponse
  {
    for (i, code) in request.unitCodes.enumerated() {
      try context.requireScope(over: code, field: "unit_codes[\(i)]")
    }
    guard !request.unitCodes.isEmpty else { throw FieldError.invalid("unit_codes", "required: at least one unit") }
    try InspectionLimits.checkCount(
      request.unitCodes.count, field: "unit_codes", limit: InspectionLimits.maxRiskUnits)
    var seen = Set<String>()
    for (i, code) in request.unitCodes.enumerated() {
      try InspectionLimits.checkCode(code, field: "unit_codes[\(i)]")
      guard seen.insert(code.precomposedStringWithCanonicalMapping).inserted else {
        throw FieldError.invalid("unit_codes[\(i)]", "\(code) is listed twice")
      }
    }
    let asOf =
      try request.asOf.map { date in try CivilDate(date, field: "as_of") }
      ?? CivilDate(now())
    let weights = try RiskWeights(request.weights, asOf: asOf, field: "weights")
    let computed = try await risks.risks(
      of: request.unitCodes.enumerated().map { ($1, "unit_codes[\($0)]") }, weights: weights, asOf: asOf,
      weightsField: "weights")
    let single = request.unitCodes.count == 1 ? request.unitCodes[0] : ""
    context.audit.record(
      target: single.isEmpty ? "risk of \(request.unitCodes.count) units" : "risk of \(single)", unit: single)
    return InspectionComputeRiskResponse(risks: computed)
  }

  /// The risks a plan uses under `mode`: the given ones (checked, one per unit), the computed
  /// ones for units of `unitCodes` without one, or only computed ones; measured at `asOf`.
  ///
  /// - Parameters:
  ///   - unitCodes: the unit codes of the input's `visits_due`, in their order.
  ///   - field: the request's path to the input, e.g. `input`.
  func risksUsed(
    given: [InspectionUnitRisk], mode: InspectionRiskMode, unitCodes: [String], weights: RiskWeights, asOf: CivilDate,
    field: String
  ) async throws -> [InspectionUnitRisk] {
    var used: [InspectionUnitRisk] = []
    var covered = Set<String>()
    if mode != .computeAll {
      for (i, risk) in given.enumerated() {
        try risk.check(field: "\(field).risks[\(i)]")
        guard covered.insert(risk.unitCode.precomposedStringWithCanonicalMapping).inserted else {
          throw FieldError.invalid("\(field).risks[\(i)].unit_code", "\(risk.unitCode) has an earlier risk; give one per unit")
        }
        var kept = risk
        if kept.source == .unspecified { kept.source = .given }
        used.append(kept)
      }
    }
    guard mode == .computeMissing || mode == .computeAll else { return used }
    var missing: [(code: String, field: String)] = []
    for (i, code) in unitCodes.enumerated() where covered.insert(code.precomposedStringWithCanonicalMapping).inserted {
      missing.append((code, "\(field).visits_due[\(i)].unit_code"))
    }
    guard !missing.isEmpty else { return used }
    return used
      + (try await risks.risks(
        of: missing, weights: weights, asOf: asOf, weightsField: "\(field).rules.risk_weights"))
  }

  /// The risk mode on the wire; `UNSPECIFIED` is `GIVEN`.
  static func riskMode(_ mode: InspectionRiskMode, field: String) throws -> InspectionRiskMode {
    switch mode {
    case .unspecified, .given: return .given
    case .computeMissing, .computeAll: return mode
    default: throw FieldError.invalid(field, "\(mode.rawValue) is not a risk mode")
    }
  }
}
