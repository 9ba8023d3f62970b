import HashTreeCollections

/// The values units report and the workflow of their periods, kept together so that a value
/// never changes in a period that is submitted or approved (sổ báo cáo chỉ tiêu).
///
/// - Entering values: ``report(_:in:tree:stamp:)``, ``withdraw(_:tree:stamp:)``,
///   ``storeComputed(_:)``; refused for a period that does not accept values, naming its
///   status.
/// - The workflow: ``submit(_:set:tree:stamp:allowMissing:)`` by the unit's clerk,
///   ``approve(_:tree:stamp:)`` and ``reopen(_:tree:stamp:)`` by the bloc; every step is kept
///   in the period's transitions.
public struct ReportingBook: Sendable {
  /// Every value, by key: a persistent map (a hash trie), so that a copy of the book changed in
  /// one value shares every other value with the original — a change costs its path, not the
  /// size of the registry.
  public internal(set) var valuesByKey: TreeDictionary<IndicatorValueKey, IndicatorValue> = [:]
  /// Every period that left DRAFT, by key.
  public internal(set) var statesByKey: [PeriodKey: PeriodState] = [:]

  /// An empty book.
  public init() {}

  /// The period's state; DRAFT when it has none yet.
  public func state(_ key: PeriodKey) -> PeriodState { statesByKey[key] ?? PeriodState(key: key) }

  /// Every value, by set, indicator, unit and period.
  public var values: [IndicatorValue] {
    valuesByKey.values.sorted(by: Self.inOrder)
  }

  /// The values of one unit's period for the indicators `codes`, by indicator: a lookup a
  /// code, so that reporting one value costs the same in a book of a hundred values or of a
  /// million.
  public func values(of key: PeriodKey, codes: some Sequence<String>) -> [IndicatorValue] {
    Set(codes).compactMap { code in
      valuesByKey[IndicatorValueKey(setID: key.setID, indicatorCode: code, unitCode: key.unitCode, period: key.period)]
    }.sorted(by: Self.inOrder)
  }

  private static func inOrder(_ left: IndicatorValue, _ right: IndicatorValue) -> Bool {
    (left.key.setID, left.key.indicatorCode, left.key.unitCode, left.key.period)
      < (right.key.setID, right.key.indicatorCode, right.key.unitCode, right.key.period)
  }

  /// Each period's status, for ``IndicatorAggregator``.
  public var statuses: [PeriodKey: PeriodStatus] { statesByKey.mapValues(\.status) }

  /// Sets values a unit reports (set-to-value: the same values again change nothing). All or
  /// nothing: every value is checked first.
  ///
  /// - Throws: ``IndicatorValueError`` for the first value at fault, its field prefixed with
  ///   its position (`values[2].numerator`): a value breaking the set's or the tree's rules
  ///   (``IndicatorValue/problems(in:tree:)``), an actor who does not act for the unit
  ///   (`permissionDenied`), or a period that does not accept values (`failedPrecondition`,
  ///   naming its status).
  public mutating func report(
    _ values: [IndicatorValue], in set: IndicatorSet, tree: UnitTree, stamp: ChangeStamp
  ) throws(IndicatorValueError) {
    for (index, value) in values.enumerated() {
      if var problem = value.problems(in: set, tree: tree).first {
        problem.field = "values[\(index)].\(problem.field)"
        throw problem
      }
      try checkEntry(value.key, tree: tree, stamp: stamp, field: "values[\(index)]")
    }
    for var value in values {
      value.reportedBy = stamp.actor
      value.reportedAt = stamp.at
      valuesByKey[value.key] = value
    }
  }

  /// Removes a value reported earlier.
  ///
  /// - Throws: ``IndicatorValueError`` as ``report(_:in:tree:stamp:)`` does; `notFound` when
  ///   there is no such value.
  public mutating func withdraw(_ key: IndicatorValueKey, tree: UnitTree, stamp: ChangeStamp) throws(IndicatorValueError) {
    try checkEntry(key, tree: tree, stamp: stamp, field: "")
    guard valuesByKey.removeValue(forKey: key) != nil else {
      throw IndicatorValueError(.notFound, field: "indicator_code", "no value of \(key.indicatorCode) for \(key.periodKey)")
    }
  }

  /// Stores computed values, except for units whose period does not accept values, which
  /// keep theirs and are returned as skipped.
  @discardableResult
  public mutating func storeComputed(_ values: [IndicatorValue]) -> [IndicatorComputationSkip] {
    var skipped: [IndicatorComputationSkip] = []
    for value in values {
      if let skip = lockedSkip(value.key) {
        skipped.append(skip)
      } else {
        valuesByKey[value.key] = value
      }
    }
    return skipped
  }

  /// The skip of a computed value for `key` whose period does not accept values (its stored
  /// values are kept), naming the period's status; `nil` when the period accepts values.
  public func lockedSkip(_ key: IndicatorValueKey) -> IndicatorComputationSkip? {
    let status = state(key.periodKey).status
    guard !status.acceptsValues else { return nil }
    return IndicatorComputationSkip(
      indicatorCode: key.indicatorCode, unitCode: key.unitCode,
      reason: "period \(key.period) is \(status.rawValue) (\(status.vietnameseName)); its values are kept")
  }

  /// The reported indicators of `set` the unit is expected to report for the period and has
  /// no value for.
  public func missingIndicatorCodes(for key: PeriodKey, set: IndicatorSet, tree: UnitTree) -> [String] {
    guard let unit = tree.unit(key.unitCode) else { return [] }
    return set.orderedIndicators.filter { indicator in
      indicator.source == .reported && indicator.periodType == key.period.type
        && indicator.effectiveReportingKinds.contains(unit.kind)
        && valuesByKey[IndicatorValueKey(setID: key.setID, indicatorCode: indicator.code, unitCode: key.unitCode, period: key.period)] == nil
    }.map(\.code)
  }

  /// The unit's clerk submits the period. Refused while a reported indicator has no value,
  /// unless `allowMissing`.
  ///
  /// - Throws: ``PeriodWorkflowError`` (see ``PeriodState/submit(stamp:tree:)``); for missing
  ///   values, `failedPrecondition` on `missing_indicator_codes`.
  public mutating func submit(
    _ key: PeriodKey, set: IndicatorSet, tree: UnitTree, stamp: ChangeStamp, allowMissing: Bool = false
  ) throws(PeriodWorkflowError) {
    var state = state(key)
    let missing = missingIndicatorCodes(for: key, set: set, tree: tree)
    if !allowMissing && !missing.isEmpty && state.status.acceptsValues {
      throw PeriodWorkflowError(
        kind: .failedPrecondition, field: "missing_indicator_codes",
        message: "\(key) has no value for \(missing.joined(separator: ", ")); report them or submit with missing values allowed",
        currentStatus: state.status)
    }
    try state.submit(stamp: stamp, tree: tree)
    statesByKey[key] = state
  }

  /// The bloc approves periods, all or nothing: refused when any is not SUBMITTED.
  ///
  /// - Throws: ``PeriodWorkflowError`` for the first period refused (see
  ///   ``PeriodState/approve(stamp:tree:)``).
  public mutating func approve(_ keys: [PeriodKey], tree: UnitTree, stamp: ChangeStamp) throws(PeriodWorkflowError) {
    var approved: [PeriodState] = []
    for key in keys {
      var state = state(key)
      try state.approve(stamp: stamp, tree: tree)
      approved.append(state)
    }
    for state in approved { statesByKey[state.key] = state }
  }

  /// The bloc reopens a submitted or approved period, with the reason in `stamp`.
  ///
  /// - Throws: ``PeriodWorkflowError`` (see ``PeriodState/reopen(stamp:tree:)``).
  public mutating func reopen(_ key: PeriodKey, tree: UnitTree, stamp: ChangeStamp) throws(PeriodWorkflowError) {
    var state = state(key)
    try state.reopen(stamp: stamp, tree: tree)
    statesByKey[key] = state
  }

  private func checkEntry(_ key: IndicatorValueKey, tree: UnitTree, stamp: ChangeStamp, field: String) throws(IndicatorValueError) {
    let prefix = field.isEmpty ? "" : field + "."
    guard tree.actor(stamp.actor, actsFor: key.unitCode) else {
      throw IndicatorValueError(
        .permissionDenied, field: prefix + "unit_code", "\(stamp.actor.id) does not act for unit \"\(key.unitCode)\"")
    }
    do {
      try state(key.periodKey).ensureAcceptsValues()
    } catch {
      throw IndicatorValueError(.failedPrecondition, field: prefix + "period", error.message)
    }
  }
}
