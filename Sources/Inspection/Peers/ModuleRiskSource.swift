import InspectionDomain
import ReformModule
import ReformWire

/// Risk read from the other modules through the coordinator (``ModuleCalls``): the registry's
/// report of the unit against its indicator set, and the classification's summary of the
/// unit's year-end ratings.
///
/// - Indicators: the share of the unit's indicators with data that did not meet their target,
///   in basis points (all met: 0; none met: 10,000).
/// - Ratings: the share of the unit's rated members and collectives rated "hoàn thành nhiệm
///   vụ" or "không hoàn thành nhiệm vụ", the two lower levels, in basis points.
///
/// A unit with no data gives no reading, so the caller can tell "no risk" from "unknown".
public struct ModuleRiskSource: RiskSource {
  private let calls: any ModuleCalls
  /// The indicator set reports are read against.
  private let indicatorSet: String

  public init(calls: any ModuleCalls, indicatorSet: String = "01-NQ-DUK-2020-2025") {
    self.calls = calls
    self.indicatorSet = indicatorSet
  }

  public func indicatorRisk(unitCode: String, period: Period) async throws -> RiskReading? {
    let report = try await calls.call(
      RegistryService.Report.self,
      RegistryReportRequest(setId: indicatorSet, periods: [period], unitCode: unitCode, maxDepth: 0),
      timeout: .seconds(30))
    let outcomes = report.rows.filter { $0.unitCode == unitCode }.compactMap { $0.result?.outcome }
    let judged = outcomes.filter { $0 == .met || $0 == .notMet }
    guard !judged.isEmpty else { return nil }
    let notMet = judged.filter { $0 == .notMet }.count
    return RiskReading(
      valueBP: notMet * 10_000 / judged.count, name: "chỉ tiêu chưa đạt",
      detail: "\(notMet)/\(judged.count) chỉ tiêu của \(indicatorSet) chưa đạt")
  }

  public func ratingRisk(unitCode: String, year: Int) async throws -> RiskReading? {
    let summary = try await calls.call(
      ClassificationService.Summary.self,
      ClassificationSummaryRequest(year: Int32(clamping: year), unitCode: unitCode),
      timeout: .seconds(30))
    let rated = summary.totals.reduce(Int64(0)) { $0 + $1.ratedCount }
    guard rated > 0 else { return nil }
    let low = summary.totals.flatMap(\.levels).filter { $0.level == .htnv || $0.level == .khtnv }.reduce(Int64(0)) { $0 + $1.count }
    return RiskReading(
      valueBP: Int(low * 10_000 / rated), name: "xếp loại thấp",
      detail: "\(low)/\(rated) được xếp loại hoàn thành nhiệm vụ hoặc không hoàn thành nhiệm vụ")
  }
}
