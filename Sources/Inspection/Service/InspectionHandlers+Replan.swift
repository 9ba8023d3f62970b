import Foundation
import GRPCCore
import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension InspectionHandlers {
  /// Replan: applies the changes to version `base_version` and stores the next version,
  /// moving only the visits a change breaks (``Planner/replan(_:changes:calendar:notBefore:)``);
  /// visits begun before today (in Vietnam) stay. `dry_run` reports the moves and stores
  /// nothing, ignoring the idempotency key.
  ///
  /// A replan runs no local search, so there are no rounds for `time_limit_ms` to bound: the
  /// limit is checked and otherwise has no effect.
  func replan(_ request: InspectionReplanRequest, _ context: JobContext) async throws -> InspectionReplanResponse {
    let header = try await programmeHeader(request.programmeId, field: "programme_id", context)
    let key = request.dryRun ? nil : try Self.idempotencyClaim(request.idempotencyKey, method: "Replan", request: request)
    if let key, let answer = try await store.replay(key, as: InspectionReplanResponse.self) {
      context.audit.record(
        target: "\(header.programmeId) v\(answer.programme?.version ?? 0)", unit: header.ownerUnitCode)
      return answer
    }
    guard request.baseVersion >= 1 else {
      throw FieldError.invalid(
        "base_version", "required: the version the changes apply to (the latest is \(header.latestVersion))")
    }
    guard request.baseVersion <= header.latestVersion else {
      throw FieldError.notFound(
        "base_version",
        "\(header.programmeId) has versions 1–\(header.latestVersion); there is no version \(request.baseVersion)")
    }
    guard request.baseVersion == header.latestVersion else {
      throw FieldError.precondition(
        "base_version",
        "version \(request.baseVersion) of \(header.programmeId) is no longer the latest (\(header.latestVersion)); read the latest and replan from it"
      )
    }
    try InspectionLimits.checkRange(
      request.timeLimitMs, 0...InspectionLimits.maxTimeLimitMilliseconds, field: "time_limit_ms",
      meaning: " milliseconds")
    guard !request.changes.isEmpty else { throw FieldError.invalid("changes", "required: at least one change") }
    try InspectionLimits.checkCount(request.changes.count, field: "changes", limit: InspectionLimits.maxChanges)

    let base = try await storedProgramme(header, version: Int(request.baseVersion))
    let programme = try Programme(base)
    let storedInput = base.input ?? InspectionPlanInput()
    var wireRisks = storedInput.risks
    var changes: [ProgrammeChange] = []
    for (i, wireChange) in request.changes.enumerated() {
      var change = try ProgrammeChange(
        wireChange, year: programme.year, rules: programme.input.rules, field: "changes[\(i)]")
      if case .unitAdded(let due, let givenRisk) = change, case .unitAdded(let added)? = wireChange.change {
        let risk = try await riskOfAddedUnit(
          added, due: due, given: givenRisk != nil, known: wireRisks, storedInput: storedInput, field: "changes[\(i)]")
        if let risk {
          wireRisks.removeAll {
            $0.unitCode.precomposedStringWithCanonicalMapping == due.unitCode.precomposedStringWithCanonicalMapping
          }
          wireRisks.append(risk)
          change = .unitAdded(due, risk: risk.domain)
        }
      }
      changes.append(change)
    }
    let calendar = try calendar(year: programme.year, notice: try await store.notice(year: programme.year))

    let started = now()
    let clock = ContinuousClock()
    let start = clock.now
    let report: ReplanReport
    do {
      report = try Planner().replan(
        programme, changes: changes, calendar: calendar, notBefore: CivilDate(started))
    } catch {
      throw error.fieldError()
    }
    let elapsed = Self.milliseconds(clock.now - start)
    var next = report.programme.wire(
      input: report.programme.input.wire(
        risks: wireRisks, riskMode: storedInput.riskMode, riskWeights: storedInput.rules?.riskWeights))
    next.programmeId = header.programmeId
    next.version = request.baseVersion + 1
    next.name = header.name
    next.ownerUnitCode = header.ownerUnitCode
    next.createdAt = Timestamp(started)
    next.createdBy = Self.callerID(context)
    let moves = report.moves.map(\.wire)
    let unchanged = Int32(clamping: report.unchanged)
    let respond: @Sendable (InspectionProgramme) -> InspectionReplanResponse = { stored in
      var answered = stored
      answered.input = nil
      return InspectionReplanResponse(programme: answered, moves: moves, unchanged: unchanged, elapsedMs: elapsed)
    }

    guard !request.dryRun else {
      context.audit.record(target: "\(header.programmeId) dry run", unit: header.ownerUnitCode)
      return respond(next)
    }
    let response = try await store.appendVersion(
      next, baseVersion: Int(request.baseVersion), replanRequest: try request.wireBytes(), idempotency: key,
      respond: respond)
    context.audit.record(target: "\(header.programmeId) v\(next.version)", unit: header.ownerUnitCode)
    return response
  }

  /// The risk a unit added by a replan is planned with: the one given with it; else, when
  /// the programme computes risks and has none for the unit, one computed as Plan would; else
  /// `nil`, leaving any risk the programme has for the unit.
  private func riskOfAddedUnit(
    _ added: InspectionUnitAdded, due: VisitDue, given: Bool, known: [InspectionUnitRisk],
    storedInput: InspectionPlanInput, field: String
  ) async throws -> InspectionUnitRisk? {
    if given { return try ProgrammeChange.givenRisk(of: added, due: due, field: "\(field).unit_added.risk") }
    let code = due.unitCode.precomposedStringWithCanonicalMapping
    guard storedInput.riskMode == .computeMissing || storedInput.riskMode == .computeAll,
      !known.contains(where: { $0.unitCode.precomposedStringWithCanonicalMapping == code })
    else { return nil }
    let asOf = CivilDate.firstDay(of: Int(storedInput.year))
    let weights = try RiskWeights(
      storedInput.rules?.riskWeights, asOf: asOf, field: "programme.input.rules.risk_weights")
    return try await risks.risks(
      of: [(due.unitCode, "\(field).unit_added.due.unit_code")], weights: weights, asOf: asOf,
      weightsField: "programme.input.rules.risk_weights"
    ).first
  }
}
