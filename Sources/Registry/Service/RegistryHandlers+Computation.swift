import Foundation
import ReformModule
import ReformWire
import RegistryDomain

/// ComputeIndicators: indicators 1 and 4b from the people the registry holds
/// (``MemberIndicators``), 3a from the exchange's counts through an ``ExchangeCountProvider``,
/// stored as values of origin COMPUTED. Units whose period is submitted or approved keep their
/// values and are listed as skipped; recomputing unchanged data changes nothing.
extension RegistryHandlers {
  func computeIndicators(_ request: ComputeIndicatorsRequest, _ context: JobContext) async throws -> ComputeIndicatorsResponse {
    let snapshot = try await store.read()
    let root = try context.confined(request.unitCode, field: "unit_code", in: snapshot.tree)
    let stored = try Self.activeSet(request.setId, in: snapshot)
    let period = try Period.required(request.period, field: "period")
    guard period.lies(within: stored.set.term) else {
      throw FieldError.invalid("period", "\(period) lies outside the term \(stored.set.term) of set \"\(stored.set.id)\"")
    }
    try snapshot.tree.requireKnown(root, field: "unit_code")
    try RequestBounds.checkCount(request.indicatorCodes.count, field: "indicator_codes")
    for (index, code) in request.indicatorCodes.enumerated() {
      guard let indicator = stored.set.indicator(code) else {
        throw FieldError.notFound("indicator_codes[\(index)]", "set \"\(stored.set.id)\" has no indicator \"\(code)\"")
      }
      guard indicator.source != .reported else {
        throw FieldError.invalid("indicator_codes[\(index)]", "indicator \(code) is reported by the units, not computed")
      }
    }
    let codes = Set(request.indicatorCodes)
    let counts = await exchangeCounts(for: stored.set, codes: codes, period: period, root: root, in: snapshot)
    let actor = context.actor
    let compute = { @Sendable (state: RegistrySnapshot, now: Date) -> Computed in
      Computed(set: stored.set, period: period, root: root, codes: codes, counts: counts, state: state, actor: actor, now: now)
    }
    if request.dryRun {
      let computed = compute(snapshot, store.now)
      return ComputeIndicatorsResponse(
        values: computed.values.map { $0.wire(stamp: snapshot.valueStamps[$0.key], status: snapshot.book.state($0.key.periodKey).status) },
        skipped: computed.skipped.map(\.wire))
    }
    let key = try context.idempotency(request)
    let response = try await store.idempotentWrite(key) { write in
      let computed = compute(write.state, write.now)
      var book = write.state.book
      book.storeComputed(computed.changed)
      try write.commitBook(book, changed: computed.changed.map(\.key), removed: [], states: []) { _ in stored.set.version }
      return ComputeIndicatorsResponse(
        values: computed.values.map { value in
          let current = write.state.book.valuesByKey[value.key] ?? value
          return current.wire(stamp: write.state.valueStamps[value.key], status: book.state(value.key.periodKey).status)
        },
        skipped: computed.skipped.map(\.wire))
    }
    context.audit.record(target: "computed \(stored.set.id) \(period)", unit: root)
    return response
  }

  /// The exchange's counts for the units the set's exchange indicators are computed for, or
  /// `nil` (3a skipped) without a provider, or when it fails, with why.
  private func exchangeCounts(
    for set: IndicatorSet, codes: Set<String>, period: Period, root: String, in snapshot: RegistrySnapshot
  ) async -> ExchangeTable? {
    let indicators = set.indicators.filter {
      $0.computation == ExchangeComputation.networkShare && $0.periodType == period.type && (codes.isEmpty || codes.contains($0.code))
    }
    guard let exchange, !indicators.isEmpty, let scopeRoot = root.isEmpty ? snapshot.tree.rootCode : root else { return nil }
    let kinds = indicators.reduce(into: Set<UnitKind>()) { $0.formUnion($1.effectiveReportingKinds) }
    let units = snapshot.tree.subtree(of: scopeRoot).filter {
      kinds.contains($0.kind) && $0.isOpen(on: period.lastDay) && !$0.organId.isEmpty
    }
    do {
      return ExchangeTable(shares: try await exchange.networkShares(of: units, in: period), failure: nil)
    } catch {
      return ExchangeTable(shares: [:], failure: "the exchange module is unavailable: \(error)")
    }
  }
}
