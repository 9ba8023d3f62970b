import Foundation
import GRPCCore
import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension InspectionHandlers {
  /// Plan: maps the input, resolves its risks, plans within the time budget (``PlanBudget``)
  /// on the year's calendar with its loaded notice, and stores the programme as version 1 —
  /// unless `dry_run`, which stores nothing and ignores the idempotency key.
  func plan(_ request: InspectionPlanRequest, _ context: JobContext) async throws -> InspectionPlanResponse {
    let owner = request.ownerUnitCode.isEmpty ? (context.caller?.unitCode ?? "") : request.ownerUnitCode
    try context.requireScope(over: owner, field: "owner_unit_code")
    let key = request.dryRun ? nil : try Self.idempotencyClaim(request.idempotencyKey, method: "Plan", request: request)
    if let key, let answer = try await store.replay(key, as: InspectionPlanResponse.self) {
      context.audit.record(target: answer.programme?.programmeId ?? "", unit: owner)
      return answer
    }
    guard !owner.isEmpty else {
      throw FieldError.invalid("owner_unit_code", "required when the caller's principal names no unit")
    }
    try InspectionLimits.checkCode(owner, field: "owner_unit_code")
    try InspectionLimits.checkText(request.name, field: "name", limit: InspectionLimits.maxNameLength)
    try InspectionLimits.checkRange(
      request.timeLimitMs, 0...InspectionLimits.maxTimeLimitMilliseconds, field: "time_limit_ms",
      meaning: " milliseconds (0 for the default \(SearchBudget.defaultMilliseconds))")
    guard let wireInput = request.input else { throw FieldError.invalid("input", "required") }

    var input = try PlanInput(wireInput, field: "input")
    let riskMode = try Self.riskMode(wireInput.riskMode, field: "input.risk_mode")
    let asOf = CivilDate.firstDay(of: input.year)
    let weights = try RiskWeights(wireInput.rules?.riskWeights, asOf: asOf, field: "input.rules.risk_weights")
    let risksUsed = try await risksUsed(
      given: wireInput.risks, mode: riskMode, unitCodes: input.visitsDue.map(\.unitCode), weights: weights,
      asOf: asOf, field: "input")
    input.risks = risksUsed.map(\.domain)
    let calendar = try calendar(year: input.year, notice: try await store.notice(year: input.year))

    let started = now()
    // The deadline is a real instant, so it is measured against the real clock.
    let budget = PlanBudget(timeLimitMilliseconds: request.timeLimitMs, deadline: context.deadline, now: Date())
    let result: PlanBudget.Outcome
    do {
      result = try await budget.plan(input, calendar: calendar)
    } catch {
      throw error.fieldError(under: "input")
    }
    var programme = result.programme.wire(
      input: input.wire(risks: risksUsed, riskMode: riskMode, riskWeights: weights.wire))
    programme.name = request.name.isEmpty ? "Chương trình kiểm tra, giám sát năm \(input.year)" : request.name
    programme.ownerUnitCode = owner
    programme.createdAt = Timestamp(started)
    programme.createdBy = Self.callerID(context)
    let elapsed = Self.milliseconds(result.elapsed)

    guard !request.dryRun else {
      context.audit.record(target: "dry run", unit: owner)
      programme.input = nil
      return InspectionPlanResponse(programme: programme, elapsedMs: elapsed)
    }
    let response = try await store.createProgramme(programme, idempotency: key) { stored in
      var answered = stored
      answered.input = nil
      return InspectionPlanResponse(programme: answered, elapsedMs: elapsed)
    }
    context.audit.record(target: response.programme?.programmeId ?? "", unit: owner)
    return response
  }
}
