import ClassificationDomain
import ReformWire

extension ClassificationDomain.RatingUnitSummary {
  /// The summary on the wire, its unit named `unitName`.
  func wire(unitName: String) -> ReformWire.RatingUnitSummary {
    ReformWire.RatingUnitSummary(
      unitCode: unitCode, unitName: unitName, year: Int32(clamping: year), subjectKind: subjectKind.wire,
      includesSubtree: includesSubtree, ratedCount: Int64(ratedCount), previousRatedCount: Int64(previousRatedCount),
      levels: levels.map(\.wire), quotaDemotions: Int64(quotaDemotions))
  }
}
