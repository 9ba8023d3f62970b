extension ClassificationEngine {
  /// A quota unit of one subject kind.
  private struct UnitKey: Hashable, Comparable {
    var kind: RatingSubjectKind
    var unitCode: String

    static func < (left: UnitKey, right: UnitKey) -> Bool {
      (left.kind.order, left.unitCode) < (right.kind.order, right.unitCode)
    }
  }

  /// One limit to apply: the HTXSNV of a group in demotion order, with its counts.
  private struct QuotaGroup {
    var kind: RatingSubjectKind
    var unitCode: String
    var dutyGroup: String?
    var excellentInOrder: [Int]
    var good: Int
    var rated: Int
  }

  /// Applies the set's quota to the ratings in `range` (parallel to `subjects`), recording one
  /// outcome per group. Within each unit the HTXSNV are sorted once; each duty group takes its members in
  /// that order, then the unit's own limit takes whoever is still HTXSNV.
  func applyQuota(
    to ratings: inout [Rating], in range: Range<Int>, subjects: [RatingSubject], year: Int,
    outcomes: inout [QuotaGroupOutcome]
  ) {
    guard let quota = ruleSet.quota, quota.enabled else { return }
    var units: [UnitKey: [Int]] = [:]
    for index in range where quota.appliesTo.contains(ratings[index].subjectKind) {
      let key = UnitKey(kind: ratings[index].subjectKind, unitCode: quota.perUnit ? ratings[index].quotaUnitCode : "")
      units[key, default: []].append(index)
    }
    let order = [TieBreakKey.totalScore] + quota.effectiveTieBreak
    for unit in units.keys.sorted() {
      let members = units[unit] ?? []
      let candidates = members.filter { ratings[$0].level == .htxsnv }.map {
        ($0, DemotionKey(subjects[$0], scored: ruleSet.isScored))
      }
      let keys = Dictionary(uniqueKeysWithValues: candidates)
      let excellent = candidates.sorted { Self.demotedFirst($0.1, $1.1, order) }.map(\.0)

      if quota.perDutyGroup {
        var counts: [String: (good: Int, rated: Int)] = [:]
        for index in members {
          guard let dutyGroup = ratings[index].dutyGroup else { continue }
          counts[dutyGroup, default: (0, 0)].rated += 1
          if ratings[index].level == .httnv { counts[dutyGroup, default: (0, 0)].good += 1 }
        }
        var excellentByGroup: [String: [Int]] = [:]
        for index in excellent {
          if let dutyGroup = ratings[index].dutyGroup { excellentByGroup[dutyGroup, default: []].append(index) }
        }
        for dutyGroup in counts.keys.sorted() {
          let group = QuotaGroup(
            kind: unit.kind, unitCode: unit.unitCode, dutyGroup: dutyGroup,
            excellentInOrder: excellentByGroup[dutyGroup] ?? [], good: counts[dutyGroup]?.good ?? 0,
            rated: counts[dutyGroup]?.rated ?? 0)
          outcomes.append(apply(quota, to: group, keys: keys, order: order, year: year, ratings: &ratings))
        }
      }

      let group = QuotaGroup(
        kind: unit.kind, unitCode: unit.unitCode, dutyGroup: nil,
        excellentInOrder: excellent.filter { ratings[$0].level == .htxsnv },
        good: members.reduce(0) { $0 + (ratings[$1].level == .httnv ? 1 : 0) }, rated: members.count)
      outcomes.append(apply(quota, to: group, keys: keys, order: order, year: year, ratings: &ratings))
    }
  }

  /// Demotes the fewest of `group`'s HTXSNV, lowest first, so that those left are within the
  /// number allowed, counting each demoted subject as HTTNV when the share is of the HTTNV
  /// count.
  private func apply(
    _ quota: QuotaConfig, to group: QuotaGroup, keys: [Int: DemotionKey], order: [TieBreakKey], year: Int,
    ratings: inout [Rating]
  ) -> QuotaGroupOutcome {
    let exception = exception(for: group.unitCode, dutyGroup: group.dutyGroup, year: year)
    let limit = QuotaLimit(quota: quota, grant: exception?.grant, good: group.good, rated: group.rated)
    let excellent = group.excellentInOrder.count
    let demoted = limit.fewestDemotions(excellent: excellent)
    let allowed = limit.allowed(afterDemoting: demoted)
    let kept = demoted < excellent ? keys[group.excellentInOrder[demoted]] : nil
    for (position, index) in group.excellentInOrder.prefix(demoted).enumerated() {
      let decidedBy = kept.flatMap { kept in
        keys[index].flatMap { key in order.first { key.compare(kept, by: $0) != 0 } }
      }
      ratings[index].level = .httnv
      ratings[index].quotaDemotion = QuotaDemotion(
        ruleId: quota.ruleId, source: quota.source, fromLevel: .htxsnv, toLevel: .httnv,
        quotaUnitCode: group.unitCode, dutyGroup: group.dutyGroup,
        shareBasisPoints: limit.shareBasisPoints ?? 0, excellentBefore: excellent, goodBefore: group.good,
        allowedExcellent: allowed ?? excellent, demotedInGroup: demoted, demotionOrder: position + 1,
        decidedBy: decidedBy, exceptionId: exception?.id)
    }
    return QuotaGroupOutcome(
      subjectKind: group.kind, quotaUnitCode: group.unitCode, dutyGroup: group.dutyGroup,
      shareBasisPoints: limit.shareBasisPoints, excellentBefore: excellent, goodBefore: group.good,
      rated: group.rated, allowedExcellent: allowed, demoted: demoted, exceptionId: exception?.id)
  }

  /// The exception granted for this group and year: the duty group's own, else the unit's.
  private func exception(for unitCode: String, dutyGroup: String?, year: Int) -> QuotaException? {
    let live = exceptions.filter { !$0.revoked && $0.year == year && $0.unitCode == unitCode }
    if let dutyGroup, let own = live.first(where: { $0.effectiveDutyGroup == dutyGroup }) { return own }
    return live.first { $0.effectiveDutyGroup == nil }
  }

  /// Whether `left` is demoted before `right`: by each key in `order`, then subject id.
  private static func demotedFirst(_ left: DemotionKey, _ right: DemotionKey, _ order: [TieBreakKey]) -> Bool {
    for key in order {
      let comparison = left.compare(right, by: key)
      if comparison != 0 { return comparison < 0 }
    }
    return false
  }
}
