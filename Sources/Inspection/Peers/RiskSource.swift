import InspectionDomain
import ReformWire

/// Where ComputeRisk and a planner asked to compute risks read the two factors this module
/// does not hold: a unit's indicators against the resolution's targets (the registry) and its
/// year-end ratings (classification).
///
/// The module reads another module's data only through that module's RPCs, so an
/// implementation calls them through the coordinator and turns what they return into a risk
/// value. None is connected by default: then every unit's indicators and ratings are missing,
/// and a computation that weighs them says so instead of guessing.
///
/// ## Topics
/// - ``indicatorRisk(unitCode:period:)``
/// - ``ratingRisk(unitCode:year:)``
/// - ``RiskReading``
public protocol RiskSource: Sendable {
  /// How far the unit's indicators for `period` fall short of their targets, as a risk value;
  /// `nil` when the unit has no indicator values for the period.
  func indicatorRisk(unitCode: String, period: Period) async throws -> RiskReading?

  /// How poor the year-end ratings of the unit and its members were in `year`, as a risk
  /// value; `nil` when the unit has no ratings for the year.
  func ratingRisk(unitCode: String, year: Int) async throws -> RiskReading?
}
