import ClassificationDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformStore
import ReformWire

extension ClassificationHandlers {
  /// Rates a unit subtree for a year under one rule set: collectives first, then people, then
  /// the quota. A DRY_RUN keeps its results for review; a FINAL run makes them the year's
  /// locked ratings, and is refused while any subject in scope already has a final rating
  /// unless it says why it reruns (the superseded runs and the reason are recorded with it).
  func run(_ request: ClassificationRunRequest, _ context: JobContext) async throws -> ClassificationRunResponse {
    let scope = scope(context)
    try await scope.require(request.unitCode, field: "unit_code")
    try Self.check(request)
    let key = try Self.claim(method: ClassificationService.Run.info.path, request)
    context.audit.record(target: "run \(request.year)", unit: request.unitCode)
    if let replay = try await store.replay(key, as: ClassificationRunResponse.self) {
      context.audit.record(target: replay.run?.id ?? "")
      return replay
    }
    let year = Int(request.year)
    let requestedKinds = request.subjectKinds.compactMap(ClassificationDomain.RatingSubjectKind.init(wire:))

    // The evaluations in scope, of every kind that may be rated.
    let units = try await scope.subtree(of: request.unitCode)
    let loadKinds = requestedKinds.isEmpty ? ClassificationDomain.RatingSubjectKind.allCases : requestedKinds
    let records = try await store.evaluations(year: year, kinds: loadKinds.map(\.wire.rawValue)).filter {
      units?.contains($0.unitCode) ?? true
    }
    let present = Set(records.compactMap { ClassificationDomain.RatingSubjectKind(wire: .init(rawValue: $0.subjectKind)) })
    let chosen = try await chooseRuleSet(request, requestedKinds: requestedKinds, present: present)
    let kinds = requestedKinds.isEmpty ? chosen.set.appliesTo : requestedKinds
    let rated = records.filter { record in kinds.contains { $0.wire.rawValue == record.subjectKind } }
    guard !rated.isEmpty else {
      let root = request.unitCode.isEmpty ? "the bloc" : "the subtree of \(request.unitCode)"
      throw RPCError(
        code: .failedPrecondition,
        message: "unit_code: no \(year) evaluation of \(kinds.map(\.code).joined(separator: ", ")) lies in \(root); submit them first")
    }

    let (input, revisions) = try Self.input(year: year, records: rated)
    let exceptions = try await store.liveExceptions(year: year).map { wire in
      var ignored = FieldProblems()
      return QuotaException(wire: wire, problems: &ignored)
    }
    let errors = input.validationErrors(against: chosen.set, exceptions: exceptions)
    if !errors.isEmpty {
      let listed = errors.prefix(5).map { error in
        let path = FieldPath.entry(error.field).map { FieldPath.evaluationField($0.rest) } ?? FieldPath.proto(error.field)
        return "\(error.subjectId ?? "?") \(path): \(error.message)"
      }
      throw RPCError(
        code: .failedPrecondition,
        message: "rule_set_id: \(errors.count) evaluation field(s) cannot be rated under \(chosen.set.id) "
          + "version \(chosen.set.version): \(listed.joined(separator: "; "))")
    }
    if request.mode == .final, request.rerunReason.isEmpty {
      let finals = try await store.currentFinals(year: year, kinds: kinds.map(\.wire.rawValue))
      let locked = rated.filter { finals[SubjectKey.of($0.subjectKind, $0.subjectId)] != nil }
      if let first = locked.first {
        // The same keyed request, sent to another worker at once, may have locked them since
        // the replay above: its answer committed with its ratings, so a repeat reads it now.
        if let replay = try await store.replay(key, as: ClassificationRunResponse.self) {
          context.audit.record(target: replay.run?.id ?? "")
          return replay
        }
        throw RPCError(
          code: .failedPrecondition,
          message: "rerun_reason: \(locked.count) subject(s) in scope (first \(first.subjectId)) already have final "
            + "\(year) ratings, which are locked; give rerun_reason to rerun")
      }
    }

    let started = Date()
    let engine: ClassificationEngine
    do {
      engine = try ClassificationEngine(ruleSet: chosen.set, exceptions: exceptions)
    } catch {
      throw RPCError(code: .failedPrecondition, message: "rule_set_id: \(chosen.set.id) does not hold together: \(error)")
    }
    let result: ClassificationRunResult
    do {
      result = try engine.run(input)
    } catch {
      throw RPCError(code: .failedPrecondition, message: "\(error.field): \(error.message)")
    }
    let results = result.ratings.map { rating in
      ResultRecord(rating, revision: revisions[SubjectKey.of(rating.subjectKind.wire.rawValue, rating.subjectId)] ?? 0)
    }
    var tally = LevelTally()
    for rating in result.ratings { tally.add(rating) }
    let draft = ClassificationRun(
      unitCode: request.unitCode, year: request.year, ruleSetId: chosen.set.id,
      ruleSetVersion: Int32(clamping: chosen.set.version), ruleSetSha256: chosen.sha256,
      subjectKinds: kinds.map(\.wire).sorted { $0.rawValue < $1.rawValue }, mode: request.mode,
      rerunReason: request.rerunReason, ratedCount: Int64(result.ratings.count), levels: tally.levelCounts().map(\.wireWithoutPrevious),
      quotaDemotions: Int64(tally.demoted), issues: (result.issues.map(\.wire) + Self.missingCollectives(input, kinds)),
      note: request.note, startedBy: context.caller, startedAt: Timestamp(started))
    let groups = result.quotaGroups.map(\.wire)
    let response = try await store.recordRun(
      draft, quotaGroups: groups, results: results, ratedAt: started, idempotency: key)
    context.audit.record(target: response.run?.id ?? "")
    return response
  }

  /// Fetches one recorded run. A clerk reads only runs rooted within their own unit.
  func getRun(_ request: ClassificationGetRunRequest, _ context: JobContext) async throws -> ClassificationGetRunResponse {
    try Self.requireCode(request.runId, field: "run_id")
    guard let found = try await store.run(id: request.runId) else {
      throw RPCError(code: .notFound, message: "run_id: no run \(request.runId)")
    }
    let unit = found.run.unitCode
    try await scope(context).require(unit, field: "run_id")
    context.audit.record(target: request.runId, unit: unit)
    return ClassificationGetRunResponse(run: found.run, quotaGroups: found.quotaGroups)
  }

  /// Lists recorded runs, newest first. A clerk sees the runs rooted within their own unit.
  func listRuns(_ request: ClassificationListRunsRequest, _ context: JobContext) async throws
    -> ClassificationListRunsResponse
  {
    try ClassificationLimits.checkYearFilter(request.year)
    try Self.checkLength(request.unitCode, "unit_code", ClassificationLimits.codeLength)
    let scope = scope(context)
    if !request.unitCode.isEmpty { try await scope.require(request.unitCode, field: "unit_code") }
    let paging = try Paging(request.page, list: "runs")
    guard request.mode.rawValue >= 0, request.mode.rawValue <= 2 else {
      throw RPCError(code: .invalidArgument, message: "mode: \(request.mode) is not a run mode")
    }
    var units: Set<String>?
    if request.unitCode.isEmpty, let own = scope.ownUnit { units = try await scope.units().subtree(of: own) }
    context.audit.record(target: "runs \(request.year)", unit: request.unitCode.isEmpty ? scope.ownUnit ?? "" : request.unitCode)
    let before = paging.int(0)
    let page = try await store.runPage(
      year: Int(request.year), unitCode: request.unitCode.isEmpty ? nil : request.unitCode, units: units,
      mode: request.mode.rawValue, before: before, limit: paging.size)
    return ClassificationListRunsResponse(
      runs: page.runs.map(\.run),
      page: paging.response(
        itemsReturned: page.runs.count, lastKey: page.runs.last.map { [String($0.seq)] }, total: page.total))
  }

  /// The set a run uses: the one named, or the one that rates the year's kinds.
  private func chooseRuleSet(
    _ request: ClassificationRunRequest, requestedKinds: [ClassificationDomain.RatingSubjectKind],
    present: Set<ClassificationDomain.RatingSubjectKind>
  ) async throws -> CatalogueRuleSet {
    let year = Int(request.year)
    if !request.ruleSetId.isEmpty {
      guard let named = try await catalogue.find(id: request.ruleSetId, version: Int(request.ruleSetVersion)) else {
        let version = request.ruleSetVersion == 0 ? "" : " version \(request.ruleSetVersion)"
        throw RPCError(code: .notFound, message: "rule_set_id: no rule set \(request.ruleSetId)\(version)")
      }
      guard named.set.applies(toYear: year) else {
        let range = named.set.validToYear.map { "\(named.set.validFromYear)–\($0)" } ?? "\(named.set.validFromYear) onwards"
        throw RPCError(code: .failedPrecondition, message: "year: rule set \(named.set.id) rates \(range), not \(year)")
      }
      for (index, kind) in requestedKinds.enumerated() where !named.set.appliesTo.contains(kind) {
        throw RPCError(
          code: .failedPrecondition, message: "subject_kinds[\(index)]: rule set \(named.set.id) does not rate \(kind.code)")
      }
      return named
    }
    let sets = try await catalogue.all()
    var chosen: [String: (set: CatalogueRuleSet, kinds: [ClassificationDomain.RatingSubjectKind])] = [:]
    let candidates = requestedKinds.isEmpty ? ClassificationDomain.RatingSubjectKind.allCases.filter(present.contains) : requestedKinds
    for (index, kind) in candidates.enumerated() {
      guard let set = RuleSetCatalogue.applicable(year: year, kind: kind, among: sets) else {
        if requestedKinds.isEmpty { continue }
        throw RPCError(
          code: .failedPrecondition, message: "subject_kinds[\(index)]: no rule set rates \(kind.code) in \(year)")
      }
      chosen[set.set.id, default: (set, [])].kinds.append(kind)
    }
    guard chosen.count <= 1 else {
      let listed = chosen.values.sorted { $0.set.set.id < $1.set.set.id }.map {
        "\($0.set.set.id) for \($0.kinds.map(\.code).joined(separator: ", "))"
      }
      throw RPCError(
        code: .failedPrecondition,
        message: "rule_set_id: \(year)'s evaluations in scope are rated by several sets (\(listed.joined(separator: "; "))); "
          + "name one, or choose subject_kinds")
    }
    guard let only = chosen.values.first else {
      let root = request.unitCode.isEmpty ? "the bloc" : "the subtree of \(request.unitCode)"
      throw RPCError(
        code: .failedPrecondition,
        message: "year: no rule set rates the \(year) evaluations in \(root) (or there are none); name rule_set_id")
    }
    return only.set
  }

  /// The domain's input from the stored evaluations, with each subject's revision.
  private static func input(year: Int, records: [EvaluationRecord]) throws -> (ClassificationInput, [String: Int64]) {
    var persons: [ClassificationDomain.PersonEvaluation] = []
    var collectives: [ClassificationDomain.CollectiveEvaluation] = []
    var revisions: [String: Int64] = [:]
    revisions.reserveCapacity(records.count)
    persons.reserveCapacity(records.count)
    for record in records {
      var problems = FieldProblems()
      revisions[SubjectKey.of(record.subjectKind, record.subjectId)] = record.revision
      if record.isPerson {
        let wire = try ReformWire.PersonEvaluation(wireBytes: record.payload)
        if let person = ClassificationDomain.PersonEvaluation(wire: wire, problems: &problems) { persons.append(person) }
      } else {
        let wire = try ReformWire.CollectiveEvaluation(wireBytes: record.payload)
        collectives.append(ClassificationDomain.CollectiveEvaluation(wire: wire, problems: &problems))
      }
      if let problem = problems.all.first {
        throw StoreFailure.damaged("the evaluation of \(record.subjectId) for \(year) no longer reads: \(problem.field): \(problem.problem)")
      }
    }
    return (ClassificationInput(year: year, persons: persons, collectives: collectives), revisions)
  }

  /// Units whose people are rated while the unit's own collective evaluation is missing, when
  /// the run rates collectives.
  private static func missingCollectives(
    _ input: ClassificationInput, _ kinds: [ClassificationDomain.RatingSubjectKind]
  ) -> [ReformWire.ClassificationRunIssue] {
    guard kinds.contains(.collective) else { return [] }
    let rated = Set(input.collectives.map(\.unitCode))
    let units = Set(input.persons.map(\.unitCode)).subtracting(rated)
    return units.sorted().map { unit in
      ReformWire.ClassificationRunIssue(
        code: "missing_evaluation", subjectKind: .collective, subjectId: unit,
        message: "\(unit) has people rated in this run but no collective evaluation (collectives[].unit_code); it was not rated")
    }
  }

  /// Checks the request's own fields.
  private static func check(_ request: ClassificationRunRequest) throws(RPCError) {
    guard ClassificationLimits.years.contains(Int(request.year)) else {
      throw RPCError(code: .invalidArgument, message: "year: \(request.year) is not a year rated")
    }
    guard request.mode == .dryRun || request.mode == .final else {
      throw RPCError(code: .invalidArgument, message: "mode: required: DRY_RUN or FINAL; got \(request.mode)")
    }
    guard request.ruleSetVersion >= 0 else {
      throw RPCError(code: .invalidArgument, message: "rule_set_version: \(request.ruleSetVersion) is negative; 0 means the latest")
    }
    try checkLength(request.unitCode, "unit_code", ClassificationLimits.codeLength)
    try checkLength(request.ruleSetId, "rule_set_id", ClassificationLimits.codeLength)
    try checkLength(request.rerunReason, "rerun_reason", ClassificationLimits.textLength)
    try checkLength(request.note, "note", ClassificationLimits.textLength)
    _ = try kinds(request.subjectKinds, field: "subject_kinds")
  }

  /// Refuses `text` longer than `limit` bytes, naming `field`.
  static func checkLength(_ text: String, _ field: String, _ limit: Int) throws(RPCError) {
    guard text.utf8.count <= limit else {
      throw RPCError(code: .invalidArgument, message: "\(field): at most \(limit) bytes; got \(text.utf8.count)")
    }
  }

  /// Refuses an empty or overlong code, naming `field`.
  static func requireCode(_ code: String, field: String) throws(RPCError) {
    guard !code.isEmpty else { throw RPCError(code: .invalidArgument, message: "\(field): required") }
    try checkLength(code, field, ClassificationLimits.codeLength)
  }
}
