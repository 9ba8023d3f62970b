import ClassificationDomain
import Foundation
import GRPCCore
import ReformModule
import ReformStore
import ReformWire

extension ClassificationHandlers {
  /// Lists rule sets by id then version: the shipped ones and those loaded, the latest version
  /// of each unless every version is asked for.
  func listRuleSets(_ request: ClassificationListRuleSetsRequest, _ context: JobContext) async throws
    -> ClassificationListRuleSetsResponse
  {
    let paging = try Paging(request.page, list: "rule_sets")
    try ClassificationLimits.checkYearFilter(request.year)
    var kind: ClassificationDomain.RatingSubjectKind?
    if request.subjectKind.rawValue != 0 {
      guard let known = ClassificationDomain.RatingSubjectKind(wire: request.subjectKind) else {
        throw RPCError(code: .invalidArgument, message: "subject_kind: \(request.subjectKind) is not a subject kind")
      }
      kind = known
    }
    context.audit.record(target: "rule sets")
    var sets = try await catalogue.all()
    if !request.allVersions {
      let latest = Dictionary(sets.map { ($0.set.id, $0.set.version) }, uniquingKeysWith: max)
      sets = sets.filter { latest[$0.set.id] == $0.set.version }
    }
    sets = sets.filter { entry in
      (request.year == 0 || entry.set.applies(toYear: Int(request.year)))
        && (kind.map { entry.set.appliesTo.contains($0) } ?? true)
    }
    let total = sets.count
    if paging.after?.count == 2, let id = paging.text(0), let version = paging.int(1) {
      sets = sets.filter { ($0.set.id, Int64($0.set.version)) > (id, version) }
    }
    let page = Array(sets.prefix(paging.size))
    let last = page.last.map { [$0.set.id, String($0.set.version)] }
    return ClassificationListRuleSetsResponse(
      ruleSets: page.map(\.wire), page: paging.response(itemsReturned: page.count, lastKey: last, total: total))
  }

  /// One rule set in full; version 0 is the latest.
  func getRuleSet(_ request: ClassificationGetRuleSetRequest, _ context: JobContext) async throws
    -> ClassificationGetRuleSetResponse
  {
    try Self.requireCode(request.id, field: "id")
    guard request.version >= 0 else {
      throw RPCError(code: .invalidArgument, message: "version: \(request.version) is negative; 0 means the latest")
    }
    context.audit.record(target: "rule set \(request.id)")
    guard let found = try await catalogue.find(id: request.id, version: Int(request.version)) else {
      let version = request.version == 0 ? "" : " version \(request.version)"
      throw RPCError(code: .notFound, message: "id: no rule set \(request.id)\(version)")
    }
    return ClassificationGetRuleSetResponse(ruleSet: found.wire)
  }

  /// Loads a new rule set, or the next version of one: a new regulation is new data. The set
  /// is checked by the domain, which names the first bad field; version 0 takes the next
  /// version, and a version taken already is refused. The shipped sets cannot be replaced,
  /// only followed by a version 2.
  func defineRuleSet(_ request: ClassificationDefineRuleSetRequest, _ context: JobContext) async throws
    -> ClassificationDefineRuleSetResponse
  {
    guard let wire = request.ruleSet else {
      throw RPCError(code: .invalidArgument, message: "rule_set: required")
    }
    let key = try Self.claim(method: ClassificationService.DefineRuleSet.info.path, request)
    context.audit.record(target: "rule set \(wire.id)")
    if let replay = try await store.replay(key, as: ClassificationDefineRuleSetResponse.self) { return replay }
    guard wire.version >= 0 else {
      throw RPCError(code: .invalidArgument, message: "rule_set.version: \(wire.version) is negative; 0 takes the next version")
    }
    let builtInVersion = catalogue.builtIn.filter { $0.set.id == wire.id }.map(\.set.version).max() ?? 0
    let loadedVersion = try await catalogue.all().filter { $0.set.id == wire.id }.map(\.set.version).max() ?? 0
    let next = max(builtInVersion, loadedVersion) + 1
    try Self.checkVersion(Int(wire.version), next: next, id: wire.id)
    let set = try RuleSet(wire: wire, version: next)
    let content = set.encodedJSON()
    let sha = CatalogueRuleSet.sha256(of: set)
    let now = Date()
    var defined = set.wire(effectiveFrom: wire.effectiveFrom, effectiveTo: wire.effectiveTo, sha256: sha, loadedAt: nil)
    guard !request.dryRun else { return ClassificationDefineRuleSetResponse(ruleSet: defined) }
    defined.loadedAt = Timestamp(now)
    let record = RuleSetRecord(
      id: set.id, version: next, content: content, contentSHA256: sha, effectiveFrom: wire.effectiveFrom?.iso,
      effectiveTo: wire.effectiveTo?.iso, loadedAt: now,
      loadedBy: Self.principalBytes(context))
    let response = ClassificationDefineRuleSetResponse(ruleSet: defined)
    let requested = Int(wire.version)
    let id = set.id
    // Another worker may have loaded a version meanwhile: the version is checked again in the write.
    let result = try await store.defineRuleSet(
      record,
      check: { loaded in
        let latest = max(builtInVersion, loaded)
        try Self.checkVersion(requested, next: latest + 1, id: id)
        guard latest + 1 == next else {
          throw RPCError(
            code: .aborted, message: "rule_set.version: version \(latest) of \(id) was loaded meanwhile; define it again")
        }
      }, idempotency: key, response: response)
    context.audit.record(target: "rule set \(set.id) version \(next)")
    return result
  }

  /// A requested version is 0 (the next) or exactly the next.
  private static func checkVersion(_ requested: Int, next: Int, id: String) throws(RPCError) {
    guard requested != 0, requested != next else { return }
    if requested < next {
      throw RPCError(
        code: .alreadyExists,
        message: "rule_set.version: \(id) version \(requested) exists and does not change; the next version is \(next)")
    }
    throw RPCError(code: .failedPrecondition, message: "rule_set.version: the next version of \(id) is \(next), not \(requested)")
  }
}
