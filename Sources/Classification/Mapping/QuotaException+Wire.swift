import ClassificationDomain
import ReformKit
import ReformWire

extension QuotaException {
  /// The domain's exception of `wire` (as stored, with its id and revocation).
  init(wire: RatingQuotaException, problems: inout FieldProblems) {
    problems.checkLength(wire.unitCode, "unit_code", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.dutyGroup, "duty_group", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.authority, "authority", limit: ClassificationLimits.nameLength)
    problems.checkLength(wire.reason, "reason", limit: ClassificationLimits.textLength)
    problems.checkYear(wire.year)
    var grant = Grant.unlimited
    switch wire.grant {
    case .unlimited(true)?: grant = .unlimited
    case .shareBasisPoints(let share)?: grant = .shareBasisPoints(Int(share))
    case .maxExcellentCount(let count)?: grant = .maxExcellentCount(Int(count))
    case .extraPlaces(let places)?: grant = .extraPlaces(Int(places))
    case .unlimited(false)?, nil:
      problems.add("grant", "required: unlimited, share_basis_points, max_excellent_count or extra_places")
    }
    let decision =
      wire.decision.map { source in
        problems.reading("decision") { ReformKit.SourceRef(wire: source, problems: &$0) }
      } ?? ReformKit.SourceRef(document: "")
    self.init(
      id: wire.id, unitCode: wire.unitCode, dutyGroup: wire.dutyGroup.isEmpty ? nil : wire.dutyGroup,
      year: Int(wire.year), grant: grant, authority: wire.authority, decision: decision,
      reason: wire.reason.isEmpty ? nil : wire.reason, revoked: wire.revoked)
  }
}
