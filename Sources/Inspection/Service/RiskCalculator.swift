import Foundation
import GRPCCore
import InspectionDomain
import ReformKit
import ReformWire

/// Computes units' risk from three factors: their indicators and ratings, read through the
/// ``RiskSource`` when one is connected, and the time since their last visit, found in this
/// module's own programmes.
///
/// The score is ``RiskFormula``'s; a factor with weight 0 is not read. The time since the last visit counts the days from the
/// last day of the unit's last visit ending on or before `as_of`, in the latest version of any
/// stored programme (a planned visit whose days are past is taken as made), up to full risk
/// after ``RiskFormula/fullRiskAfterYears``; a unit with no visit on record counts fully.
///
/// An input that is weighed but missing — every unit's indicators and ratings when no source
/// is connected, or one unit's that the source has no data for — is never taken as 0: the
/// computation fails with `FAILED_PRECONDITION`, listing what is missing.
struct RiskCalculator: Sendable {
  let source: (any RiskSource)?
  let store: any InspectionStoring

  /// Units listed in a message about missing inputs, before "and N more".
  private static let listedUnits = 10

  /// The risks of `units`, in their order, measured on `asOf`.
  ///
  /// - Parameters:
  ///   - units: each unit's code, and the request's path to it for messages: a unit the source
  ///     cannot read (`NOT_FOUND`) is blamed on that field.
  ///   - weightsField: the request's path to the weights, for messages.
  func risks(of units: [(code: String, field: String)], weights: RiskWeights, asOf: CivilDate, weightsField: String)
    async throws -> [InspectionUnitRisk]
  {
    let unitCodes = units.map(\.code)
    var lastVisits: [String: String] = [:]
    let formula = weights.formula
    if formula.timeSinceVisitBP > 0 {
      lastVisits = try await store.lastVisits(
        unitCodes: unitCodes.map(\.precomposedStringWithCanonicalMapping), onOrBefore: asOf.description)
    }
    let period = weights.indicatorPeriod
    let indicators = try await readings(
      of: units, weighted: formula.indicatorsBP > 0, what: "indicators",
      field: "\(weightsField).indicators_bp"
    ) { source, code in try await source.indicatorRisk(unitCode: code, period: period) }
    let ratingYear = weights.ratingYear
    let ratings = try await readings(
      of: units, weighted: formula.ratingBP > 0, what: "ratings of \(ratingYear)",
      field: "\(weightsField).rating_bp"
    ) { source, code in try await source.ratingRisk(unitCode: code, year: ratingYear) }
    let missing = [indicators.missing, ratings.missing].compactMap { $0 }
    if !missing.isEmpty {
      throw RPCError(
        code: .failedPrecondition,
        message:
          "\(missing.joined(separator: "; ")); set those weights to 0 to compute from the other factors, or give the units' risks"
      )
    }

    return unitCodes.map { code in
      let lastDay = lastVisits[code.precomposedStringWithCanonicalMapping].flatMap(Self.civilDate)
      let components = formula.components(
        indicators: indicators.values[code], rating: ratings.values[code], lastVisit: lastDay, asOf: asOf)
      return InspectionUnitRisk(
        unitCode: code, scoreBp: Int32(clamping: RiskFormula.score(of: components)), source: .computed,
        components: components.map(\.wire), lastVisit: lastDay?.wire)
    }
  }

  /// The readings of one factor for every unit, and a sentence naming the units it is missing
  /// for; nothing is read when the factor is not `weighted`.
  private func readings(
    of units: [(code: String, field: String)], weighted: Bool, what: String, field: String,
    read: (any RiskSource, String) async throws -> RiskReading?
  ) async throws -> (values: [String: RiskReading], missing: String?) {
    guard weighted else { return ([:], nil) }
    guard let source else {
      return (
        [:],
        "\(field): the \(what) of \(Self.list(units.map(\.code))) are missing: no registry or classification source is connected to this worker"
      )
    }
    var values: [String: RiskReading] = [:]
    var absent: [String] = []
    for (code, unitField) in units {
      do {
        try Task.checkCancellation()
        if let reading = try await read(source, code) { values[code] = reading } else { absent.append(code) }
      } catch let error as RPCError where error.code == .notFound {
        // The source's message names its own request's fields; the caller's field is this one.
        throw RPCError(code: .notFound, message: "\(unitField): the \(what) of \(code) could not be read: \(error.message)")
      } catch let error as RPCError {
        throw error
      } catch is CancellationError {
        throw RPCError(code: .cancelled, message: "the risk computation was cancelled")
      } catch {
        throw RPCError(code: .unavailable, message: "the \(what) of \(code) could not be read: \(error)")
      }
    }
    guard !absent.isEmpty else { return (values, nil) }
    return (values, "\(field): the \(what) of \(Self.list(absent)) are missing: the source has none")
  }

  /// `2026-03-02` as a date.
  private static func civilDate(_ iso: String) -> CivilDate? {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    return CivilDate(year: parts[0], month: parts[1], day: parts[2])
  }

  /// `3 units (A, B, C)`, at most ``listedUnits`` named.
  private static func list(_ codes: [String]) -> String {
    let named = codes.prefix(listedUnits).joined(separator: ", ")
    let more = codes.count > listedUnits ? " and \(codes.count - listedUnits) more" : ""
    return "\(codes.count) unit\(codes.count == 1 ? "" : "s") (\(named)\(more))"
  }
}
