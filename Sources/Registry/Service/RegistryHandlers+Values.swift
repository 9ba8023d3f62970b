import Foundation
import ReformModule
import ReformStore
import ReformWire
import RegistryDomain

/// The value and workflow calls: a unit's clerk reports values and submits the period, the
/// bloc approves (which locks the values) or reopens with a reason; values and states are
/// listed. The rules are ``ReportingBook``'s and ``PeriodState``'s.
extension RegistryHandlers {
  func reportValues(_ request: ReportValuesRequest, _ context: JobContext) async throws -> ReportValuesResponse {
    let snapshot = try await store.read()
    try context.requireScope(over: request.unitCode, field: "unit_code", in: snapshot.tree)
    let period = try Period.required(request.period, field: "period")
    guard !request.entries.isEmpty else { throw FieldError.invalid("entries", "is empty; give at least one value to report or withdraw") }
    guard request.entries.count <= RequestBounds.maxEntries else {
      throw FieldError.tooLarge("entries", "at most \(RequestBounds.maxEntries) per call; got \(request.entries.count)")
    }
    var seen: [String: Int] = [:]
    for (index, entry) in request.entries.enumerated() {
      let path = "entries[\(index)]"
      _ = try TextLimit.short.checked(entry.indicatorCode, field: path + ".indicator_code")
      _ = try TextLimit.long.checked(entry.note, field: path + ".note")
      _ = try TextLimit.long.checked(entry.evidence, field: path + ".evidence")
      if let first = seen.updateValue(index, forKey: entry.indicatorCode) {
        throw FieldError.invalid(path + ".indicator_code", "\"\(entry.indicatorCode)\" is in entries[\(first)] already")
      }
    }
    let setID = request.setId
    let unitCode = request.unitCode
    let entries = request.entries
    let key = try context.idempotency(request)
    let actor = context.actor
    let response = try await store.idempotentWrite(key) { write in
      let stored = try Self.activeSet(setID, in: write.state)
      let tree = write.state.tree
      _ = try tree.unit(unitCode, field: "unit_code", required: "the reporting unit")
      var book = write.state.book
      let periodKey = PeriodKey(setID: setID, unitCode: unitCode, period: period)
      do throws(PeriodWorkflowError) {
        try book.state(periodKey).ensureAcceptsValues()
      } catch {
        throw FieldError.precondition("period", error.message)
      }
      var reported: [IndicatorValue] = []
      var removed: [IndicatorValueKey] = []
      for (index, entry) in entries.enumerated() {
        let value = IndicatorValue(
          key: IndicatorValueKey(setID: setID, indicatorCode: entry.indicatorCode, unitCode: unitCode, period: period),
          ratio: Ratio(Int(entry.numerator), Int(entry.denominator)), origin: .reported, note: entry.note.normalizedText,
          evidence: entry.evidence.normalizedText)
        if let problem = value.problems(in: stored.set, tree: tree).first(where: { !entry.withdraw || $0.field == "indicator_code" || $0.field == "unit_code" || $0.field == "period" }) {
          let entryField = ["indicator_code", "numerator", "denominator"].contains(problem.field)
          throw FieldError(problem, under: entryField ? "entries[\(index)]" : "")
        }
        if entry.withdraw {
          if book.valuesByKey[value.key] != nil { removed.append(value.key) }
        } else if let existing = book.valuesByKey[value.key], existing.ratio == value.ratio, existing.note == value.note,
          existing.evidence == value.evidence
        {
          continue
        } else {
          reported.append(value)
        }
      }
      let stamp = ChangeStamp(actor: actor, at: write.now)
      try FieldError.checking { () throws(IndicatorValueError) in
        try book.report(reported, in: stored.set, tree: tree, stamp: stamp)
        for key in removed { try book.withdraw(key, tree: tree, stamp: stamp) }
      }
      try write.commitBook(book, changed: reported.map(\.key), removed: removed, states: []) { _ in stored.set.version }
      // Every code any version of the set has: a value is stored only under one of them.
      let codes = write.state.versions(of: setID).flatMap { $0.set.indicators.map(\.code) }
      let values = write.state.book.values(of: periodKey, codes: codes)
      let state = book.state(periodKey)
      return ReportValuesResponse(
        values: values.map { $0.wire(stamp: write.state.valueStamps[$0.key], status: state.status) },
        state: state.wire(missing: book.missingIndicatorCodes(for: periodKey, set: stored.set, tree: tree)))
    }
    context.audit.record(target: "values \(setID) \(period)", unit: unitCode)
    return response
  }

  func listValues(_ request: ListValuesRequest, _ context: JobContext) async throws -> ListValuesResponse {
    let snapshot = try await store.read()
    let tree = snapshot.tree
    let listed = try context.listed(request.unitCode, includeSubtree: request.includeSubtree, in: tree)
    let paging = try Paging(request)
    if !request.setId.isEmpty { _ = try Self.indicatorSet(request.setId, version: 0, in: snapshot, field: "set_id") }
    try listed.requireExists(in: tree)
    var periods = Set<Period>()
    try RequestBounds.checkCount(request.indicatorCodes.count, field: "indicator_codes")
    try RequestBounds.checkCount(request.periods.count, field: "periods")
    try RequestBounds.checkCount(request.statuses.count, field: "statuses")
    try RequestBounds.checkCount(request.origins.count, field: "origins")
    for (index, period) in request.periods.enumerated() { periods.insert(try Period(wire: period, field: "periods[\(index)]")) }
    let statuses = try request.statuses.requiredSet(field: "statuses")
    let origins = try request.origins.requiredSet(field: "origins")
    let filter = IndicatorValueFilter(
      setID: request.setId.isEmpty ? nil : request.setId, indicatorCodes: Set(request.indicatorCodes),
      unitCodes: listed.codes(in: tree),
      periods: periods, statuses: statuses, origins: origins)
    let book = snapshot.book
    let values = book.values(matching: filter, orderedBy: snapshot.latestSets.map(\.set))
    let (page, response) = paging.slice(values)
    return ListValuesResponse(
      values: page.map { $0.wire(stamp: snapshot.valueStamps[$0.key], status: book.state($0.key.periodKey).status) }, page: response)
  }

  func submitPeriod(_ request: SubmitPeriodRequest, _ context: JobContext) async throws -> SubmitPeriodResponse {
    let allowMissing = request.allowMissing
    return try await moveOnePeriod(request, context, reason: (request.note, field: "note"), done: "submitted") {
      (book, periodKey, set, tree, stamp) throws(PeriodWorkflowError) in
      try book.submit(periodKey, set: set, tree: tree, stamp: stamp, allowMissing: allowMissing)
    } respond: { SubmitPeriodResponse(state: $0) }
  }

  func approvePeriod(_ request: ApprovePeriodRequest, _ context: JobContext) async throws -> ApprovePeriodResponse {
    let snapshot = try await store.read()
    for (index, code) in request.unitCodes.enumerated() {
      try context.requireScope(over: code, field: "unit_codes[\(index)]", in: snapshot.tree)
    }
    let period = try Period.required(request.period, field: "period")
    guard !request.unitCodes.isEmpty else { throw FieldError.invalid("unit_codes", "is empty; name the units whose period to approve") }
    guard request.unitCodes.count <= RequestBounds.maxApprovals else {
      throw FieldError.tooLarge("unit_codes", "at most \(RequestBounds.maxApprovals) units per call; got \(request.unitCodes.count)")
    }
    var seen = Set<String>()
    for (index, code) in request.unitCodes.enumerated() where !seen.insert(code).inserted {
      throw FieldError.invalid("unit_codes[\(index)]", "\"\(code)\" is listed twice")
    }
    let note = try TextLimit.long.checked(request.note, field: "note")
    let setID = request.setId
    let codes = request.unitCodes
    let key = try context.idempotency(request)
    let actor = context.actor
    let response = try await store.idempotentWrite(key) { write in
      var stored: StoredIndicatorSet?
      for (index, code) in codes.enumerated() {
        do {
          stored = try Self.workflowSet(setID, period: period, unitCode: code, in: write.state)
        } catch var error as FieldError where error.field == "unit_code" {
          error.field = "unit_codes[\(index)]"
          throw error
        }
      }
      var book = write.state.book
      let keys = codes.map { PeriodKey(setID: setID, unitCode: $0, period: period) }
      do throws(PeriodWorkflowError) {
        try book.approve(keys, tree: write.state.tree, stamp: ChangeStamp(actor: actor, at: write.now, reason: note))
      } catch {
        throw Self.status(error)
      }
      try write.commitBook(book, changed: [], removed: [], states: keys) { _ in stored?.set.version ?? 1 }
      return ApprovePeriodResponse(states: keys.map { key in
        book.state(key).wire(missing: stored.map { book.missingIndicatorCodes(for: key, set: $0.set, tree: write.state.tree) } ?? [])
      })
    }
    context.audit.record(target: "period \(setID) \(period) approved for \(codes.count) units", unit: codes.count == 1 ? codes[0] : "")
    return response
  }

  func reopenPeriod(_ request: ReopenPeriodRequest, _ context: JobContext) async throws -> ReopenPeriodResponse {
    try await moveOnePeriod(request, context, reason: (request.reason, field: "reason"), done: "reopened") {
      (book, periodKey, _, tree, stamp) throws(PeriodWorkflowError) in
      try book.reopen(periodKey, tree: tree, stamp: stamp)
    } respond: { ReopenPeriodResponse(state: $0) }
  }

  /// One unit's period moved by `step` (submitted, reopened) in one idempotent write, stamped
  /// with the caller and `reason`; the answer is made by `respond` from the period's state
  /// afterwards, and the audit records the period as `done`.
  ///
  /// Checks in order: the caller's scope over `unit_code`, `period`, `reason` (at most
  /// ``TextLimit/long``), the idempotency key; then, in the write, the set, unit and period.
  private func moveOnePeriod<Request: PeriodStepRequest, Response: WireMessage>(
    _ request: Request, _ context: JobContext, reason: (text: String, field: String), done: String,
    _ step: @escaping @Sendable (inout ReportingBook, PeriodKey, IndicatorSet, UnitTree, ChangeStamp) throws(PeriodWorkflowError) -> Void,
    respond: @escaping @Sendable (IndicatorPeriodState) -> Response
  ) async throws -> Response {
    let snapshot = try await store.read()
    try context.requireScope(over: request.unitCode, field: "unit_code", in: snapshot.tree)
    let period = try Period.required(request.period, field: "period")
    let why = try TextLimit.long.checked(reason.text, field: reason.field)
    let setID = request.setId
    let unitCode = request.unitCode
    let key = try context.idempotency(request)
    let actor = context.actor
    let response = try await store.idempotentWrite(key) { write in
      let stored = try Self.workflowSet(setID, period: period, unitCode: unitCode, in: write.state)
      let tree = write.state.tree
      var book = write.state.book
      let periodKey = PeriodKey(setID: setID, unitCode: unitCode, period: period)
      do throws(PeriodWorkflowError) {
        try step(&book, periodKey, stored.set, tree, ChangeStamp(actor: actor, at: write.now, reason: why))
      } catch {
        throw Self.status(error)
      }
      try write.commitBook(book, changed: [], removed: [], states: [periodKey]) { _ in stored.set.version }
      return respond(book.state(periodKey).wire(missing: book.missingIndicatorCodes(for: periodKey, set: stored.set, tree: tree)))
    }
    context.audit.record(target: "period \(setID) \(period) \(done)", unit: unitCode)
    return response
  }

  func listPeriodStates(_ request: ListPeriodStatesRequest, _ context: JobContext) async throws -> ListPeriodStatesResponse {
    let snapshot = try await store.read()
    let tree = snapshot.tree
    let listed = try context.listed(request.unitCode, includeSubtree: request.includeSubtree, in: tree)
    let paging = try Paging(request)
    let stored = try Self.indicatorSet(request.setId, version: 0, in: snapshot, field: "set_id")
    let period = try Period.required(request.period, field: "period")
    try RequestBounds.checkCount(request.statuses.count, field: "statuses")
    let statuses = try request.statuses.requiredSet(field: "statuses")
    try listed.requireExists(in: tree)
    let book = snapshot.book
    let units = PeriodReporters(set: stored.set, period: period)
      .units(in: tree, book: book, unitCode: listed.code, includeSubtree: listed.includeSubtree)
    let states = units.map { book.state(PeriodKey(setID: stored.set.id, unitCode: $0.code, period: period)) }
      .filter { statuses.isEmpty || statuses.contains($0.status) }
    let (page, response) = paging.slice(states)
    return ListPeriodStatesResponse(
      states: page.map { $0.wire(missing: book.missingIndicatorCodes(for: $0.key, set: stored.set, tree: tree)) }, page: response)
  }

  /// The latest version of a set that accepts values.
  static func activeSet(_ id: String, in snapshot: RegistrySnapshot) throws -> StoredIndicatorSet {
    let stored = try Self.indicatorSet(id, version: 0, in: snapshot, field: "set_id")
    guard stored.set.status == .active else {
      throw FieldError.precondition("set_id", "indicator set \"\(id)\" is retired; its values are kept but no longer accepted")
    }
    return stored
  }

  /// The set of a workflow step, checked with the unit and period the step names.
  static func workflowSet(_ id: String, period: Period, unitCode: String, in snapshot: RegistrySnapshot) throws -> StoredIndicatorSet {
    let stored = try Self.indicatorSet(id, version: 0, in: snapshot, field: "set_id")
    _ = try snapshot.tree.unit(unitCode, field: "unit_code", required: "the unit whose period it is")
    guard period.lies(within: stored.set.term), stored.set.indicators.contains(where: { $0.periodType == period.type }) else {
      throw FieldError.invalid("period", "\(period) is not a reporting period of set \"\(id)\" (term \(stored.set.term))")
    }
    return stored
  }

  /// A refused workflow step as a status; the period's status is reported on `period`.
  static func status(_ error: PeriodWorkflowError) -> FieldError {
    var error = error
    if error.field == "status" { error.field = "period" }
    return FieldError(error)
  }
}
