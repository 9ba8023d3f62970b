import Foundation
import RegistryDomain

/// One computation's outcome: every value computed, those that differ from the stored ones,
/// and what was skipped (locked periods included).
struct Computed {
  var values: [IndicatorValue] = []
  var changed: [IndicatorValue] = []
  var skipped: [IndicatorComputationSkip] = []

  init(
    set: IndicatorSet, period: Period, root: String, codes: Set<String>, counts: ExchangeTable?, state: RegistrySnapshot,
    actor: ActorRef, now: Date
  ) {
    let usable = counts?.failure == nil ? counts : nil
    let computation = IndicatorComputation(tree: state.tree, people: Array(state.roster.peopleByID.values), exchange: usable)
    let (all, skips) = computation.compute(set, period: period, rootCode: root.isEmpty ? nil : root)
    skipped = skips.filter { codes.isEmpty || codes.contains($0.indicatorCode) }.map { skip in
      guard let failure = counts?.failure, skip.unitCode == nil, set.indicator(skip.indicatorCode)?.computation == ExchangeComputation.networkShare
      else { return skip }
      return IndicatorComputationSkip(indicatorCode: skip.indicatorCode, reason: failure)
    }
    for var value in all where codes.isEmpty || codes.contains(value.key.indicatorCode) {
      if let locked = state.book.lockedSkip(value.key) {
        skipped.append(locked)
        continue
      }
      value.reportedBy = actor
      value.reportedAt = now
      values.append(value)
      let stored = state.book.valuesByKey[value.key]
      if stored?.ratio != value.ratio || stored?.origin != .computed { changed.append(value) }
    }
  }
}
