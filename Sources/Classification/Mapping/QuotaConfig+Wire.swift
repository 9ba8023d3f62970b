import ClassificationDomain
import ReformKit
import ReformWire

extension QuotaConfig {
  /// The domain's quota of `wire`. An unspecified basis reads as the HTTNV count and an
  /// unspecified rounding as floor, the proto's default; an empty text is written from the
  /// figures.
  init(wire: RatingQuotaConfig, problems: inout FieldProblems) {
    problems.checkLength(wire.ruleId, "rule_id", limit: ClassificationLimits.codeLength)
    problems.checkLength(wire.note, "note", limit: ClassificationLimits.textLength)
    problems.checkLength(wire.text, "text", limit: ClassificationLimits.textLength)
    var basis = QuotaBasis.goodCount
    if wire.basis.rawValue != 0 {
      if let known = QuotaBasis(wire: wire.basis) { basis = known } else { problems.add("basis", "\(wire.basis) is not a quota basis") }
    }
    var rounding = QuotaRounding.floor
    if wire.rounding.rawValue != 0 {
      if let known = QuotaRounding(wire: wire.rounding) {
        rounding = known
      } else {
        problems.add("rounding", "\(wire.rounding) is not a rounding")
      }
    }
    problems.checkCount(wire.tieBreak.count, "tie_break", limit: 16)
    let tieBreak = wire.tieBreak.enumerated().compactMap { index, key -> TieBreakKey? in
      guard let known = TieBreakKey(wire: key) else {
        problems.add("tie_break[\(index)]", "\(key) is not a tie-break key")
        return nil
      }
      return known
    }
    let source =
      wire.source.map { wireSource in
        problems.reading("source") { ReformKit.SourceRef(wire: wireSource, problems: &$0) }
      } ?? ReformKit.SourceRef(document: "")
    let kinds = ClassificationDomain.RatingRule.subjectKinds(wire.subjectKinds, field: "subject_kinds", problems: &problems)
    let share = Int(wire.shareBasisPoints)
    let of = basis == .goodCount ? "số Hoàn thành tốt nhiệm vụ" : "số được xếp loại"
    let within = wire.perDutyGroup ? "trong từng nhóm có chức trách, nhiệm vụ tương đồng" : "trong cùng đơn vị"
    var text = wire.text
    if text.isEmpty {
      let percent = "\(share / 100),\(share % 100 < 10 ? "0" : "")\(share % 100)%"
      text = "Số Hoàn thành xuất sắc nhiệm vụ không vượt quá \(percent) \(of) \(within)"
    }
    self.init(
      enabled: wire.enabled, shareBasisPoints: share, basis: basis, perUnit: wire.perUnit, perDutyGroup: wire.perDutyGroup,
      appliesTo: kinds, rounding: rounding, tieBreak: tieBreak.isEmpty ? QuotaConfig.defaultTieBreak : tieBreak,
      ruleId: wire.ruleId, source: source, text: text, unconfirmed: wire.unconfirmed,
      note: wire.note.isEmpty ? nil : wire.note)
  }

  /// The quota on the wire.
  var wire: RatingQuotaConfig {
    RatingQuotaConfig(
      enabled: enabled, shareBasisPoints: Int32(clamping: shareBasisPoints), basis: basis.wire, perUnit: perUnit,
      perDutyGroup: perDutyGroup, subjectKinds: appliesTo.map(\.wire), rounding: rounding.wire,
      tieBreak: tieBreak.map(\.wire), ruleId: ruleId, source: source.wire, unconfirmed: unconfirmed, note: note ?? "",
      text: text)
  }
}
