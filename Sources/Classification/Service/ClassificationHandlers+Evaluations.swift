import ClassificationDomain
import Foundation
import GRPCCore
import ReformModule
import ReformStore
import ReformWire

extension ClassificationHandlers {
  /// Inserts or replaces evaluations, all or nothing: a clerk only for their own unit (each
  /// entry's unit is checked before anything else, then the unit that owns each person and
  /// each stored evaluation it would replace: ``SubmissionOwners``); when any entry is invalid nothing is
  /// written and every error is listed, the call itself succeeding with `applied` false.
  /// `persons_accepted` and `collectives_accepted` count the entries without errors.
  func submitEvaluations(_ request: SubmitEvaluationsRequest, _ context: JobContext) async throws
    -> SubmitEvaluationsResponse
  {
    let count = request.persons.count + request.collectives.count
    guard count <= ClassificationLimits.evaluationsPerCall else {
      throw RPCError(
        code: .resourceExhausted,
        message: "\(request.persons.count >= request.collectives.count ? "persons" : "collectives"): at most "
          + "\(ClassificationLimits.evaluationsPerCall) evaluations per call (persons and collectives together); "
          + "got \(count): send them in several calls")
    }
    let scope = scope(context)
    for (index, person) in request.persons.enumerated() {
      try await scope.require(person.unitCode, field: "persons[\(index)].unit_code")
    }
    for (index, collective) in request.collectives.enumerated() {
      try await scope.require(collective.unitCode, field: "collectives[\(index)].unit_code")
    }
    try await Self.requireLinks(request.collectives, scope: scope)
    let ownership = try await SubmissionOwners.of(request, scope: scope, people: people)
    if let ownership { try ownership.requireStored(try await store.storedUnits(of: ownership.keys)) }
    let key = try Self.claim(method: ClassificationService.SubmitEvaluations.info.path, request)
    let units = Set(request.persons.map(\.unitCode) + request.collectives.map(\.unitCode))
    context.audit.record(
      target: count == 1
        ? (request.persons.first?.personId ?? request.collectives.first?.unitCode ?? "")
        : "\(request.persons.count) persons, \(request.collectives.count) collectives",
      unit: units.count == 1 ? units.first ?? "" : scope.ownUnit ?? "")
    if let replay = try await store.replay(key, as: SubmitEvaluationsResponse.self) { return replay }

    let batch = EvaluationBatch(request, ruleSets: try await catalogue.all())
    let response = SubmitEvaluationsResponse(
      applied: batch.errors.isEmpty && !request.dryRun, personsAccepted: Int64(batch.personsAccepted),
      collectivesAccepted: Int64(batch.collectivesAccepted), errors: batch.errors)
    guard response.applied else { return response }
    let owners = ownership.map { ownership in OwnerCheck(keys: ownership.keys) { try ownership.requireStored($0) } }
    return try await store.saveEvaluations(
      batch.records, links: batch.links, submittedBy: Self.principalBytes(context), at: Date(), owners: owners,
      idempotency: key, response: response)
  }

  /// Refuses a clerk's collective that would take a unit out of another's reach: the links a
  /// collective names (its parent unit, its disciplined subordinates) may place a unit that
  /// has no place yet, keep one where it is, or move one within the clerk's own subtree, and
  /// nothing else — the tree built from submitted links (``SubmittedUnitHierarchy``) is what
  /// clerks' scopes are checked against.
  private static func requireLinks(_ collectives: [ReformWire.CollectiveEvaluation], scope: CallerScope) async throws {
    guard scope.ownUnit != nil else { return }
    let linked = collectives.contains { !$0.parentUnitCode.isEmpty || !$0.disciplinedSubordinateUnitCodes.isEmpty }
    guard linked else { return }
    let parents = try await scope.units().tree.parents
    for (index, collective) in collectives.enumerated() {
      let parent = collective.parentUnitCode
      if !parent.isEmpty, let current = parents[collective.unitCode], current != parent {
        try await scope.require(parent, field: "collectives[\(index)].parent_unit_code")
      }
      for (position, child) in collective.disciplinedSubordinateUnitCodes.enumerated() {
        if let current = parents[child], current != collective.unitCode {
          try await scope.require(child, field: "collectives[\(index)].disciplined_subordinate_unit_codes[\(position)]")
        }
      }
    }
  }

  /// Lists the current evaluations, collectives first, then people, by unit and id. A clerk
  /// sees their own unit's subtree.
  func listEvaluations(_ request: ClassificationListEvaluationsRequest, _ context: JobContext) async throws
    -> ClassificationListEvaluationsResponse
  {
    try ClassificationLimits.checkYearFilter(request.year)
    try Self.checkLength(request.subjectId, "subject_id", ClassificationLimits.codeLength)
    let scope = scope(context)
    let root = try await scope.readRoot(request.unitCode, field: "unit_code")
    let paging = try Paging(request.page, list: "evaluations")
    let kinds = try Self.kinds(request.subjectKinds, field: "subject_kinds")
    context.audit.record(target: request.subjectId.isEmpty ? "evaluations \(request.year)" : request.subjectId, unit: root)
    let page = try await store.evaluationPage(
      year: Int(request.year), units: try await scope.subtree(of: root), kinds: kinds, subjectId: request.subjectId,
      after: paging.evaluationKey, limit: paging.size)
    let evaluations = try page.records.map { try Self.evaluation($0) }
    let last = page.records.last.map { Paging.token($0.pageKey) }
    return ClassificationListEvaluationsResponse(
      evaluations: evaluations, page: paging.response(itemsReturned: evaluations.count, lastKey: last, total: page.total))
  }

  /// The stored evaluation with its output-only fields filled.
  static func evaluation(_ record: EvaluationRecord) throws -> ClassificationEvaluation {
    let by = try record.submittedBy.map { try Principal(wireBytes: $0) }
    let at = Timestamp(record.submittedAt)
    if record.isPerson {
      var person = try ReformWire.PersonEvaluation(wireBytes: record.payload)
      person.submittedBy = by
      person.submittedAt = at
      person.revision = record.revision
      return ClassificationEvaluation(subject: .person(person))
    }
    var collective = try ReformWire.CollectiveEvaluation(wireBytes: record.payload)
    collective.submittedBy = by
    collective.submittedAt = at
    collective.revision = record.revision
    return ClassificationEvaluation(subject: .collective(collective))
  }

  /// The subject kinds of a filter, each known (proto numbers).
  static func kinds(_ kinds: [ReformWire.RatingSubjectKind], field: String) throws(RPCError) -> [Int32] {
    guard kinds.count <= 16 else { throw RPCError(code: .invalidArgument, message: "\(field): at most 16 entries") }
    for (index, kind) in kinds.enumerated() where ClassificationDomain.RatingSubjectKind(wire: kind) == nil {
      throw RPCError(code: .invalidArgument, message: "\(field)[\(index)]: \(kind) is not a subject kind")
    }
    return Array(Set(kinds.map(\.rawValue))).sorted()
  }
}
