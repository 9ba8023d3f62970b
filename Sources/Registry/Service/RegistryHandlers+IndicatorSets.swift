import Foundation
import ReformModule
import ReformWire
import RegistryDomain

/// The indicator set calls: list and read sets, and define a new set or a new version of one
/// without code. The built-in set of 01-NQ/ĐUK is always there, as version 1 of
/// `01-NQ-DUK-2020-2025`; a correction of it is a version 2.
extension RegistryHandlers {
  func listIndicatorSets(_ request: ListIndicatorSetsRequest, _ context: JobContext) async throws -> ListIndicatorSetsResponse {
    let snapshot = try await store.read()
    let paging = try Paging(request)
    let candidates = request.allVersions ? snapshot.sets : snapshot.latestSets
    let sets = candidates.filter { request.includeRetired || $0.set.status == .active }
    let (page, response) = paging.slice(sets)
    return ListIndicatorSetsResponse(indicatorSets: page.map { $0.set.wire(definedBy: $0.definedBy, definedAt: $0.definedAt) }, page: response)
  }

  func getIndicatorSet(_ request: GetIndicatorSetRequest, _ context: JobContext) async throws -> GetIndicatorSetResponse {
    let snapshot = try await store.read()
    let stored = try Self.indicatorSet(request.id, version: request.version, in: snapshot, field: "id")
    return GetIndicatorSetResponse(indicatorSet: stored.set.wire(definedBy: stored.definedBy, definedAt: stored.definedAt))
  }

  func defineIndicatorSet(_ request: DefineIndicatorSetRequest, _ context: JobContext) async throws -> DefineIndicatorSetResponse {
    try context.requireBlocWide("DefineIndicatorSet")
    guard let wire = request.indicatorSet else { throw FieldError.invalid("indicator_set", "is required") }
    let given = try IndicatorSet(wire: wire, field: "indicator_set")
    let actor = context.actor
    if request.dryRun {
      let set = try Self.numbered(given, in: try await store.read())
      return DefineIndicatorSetResponse(indicatorSet: set.wire(definedBy: actor, definedAt: store.now))
    }
    let key = try context.idempotency(request)
    let response = try await store.idempotentWrite(key) { write in
      let stored = StoredIndicatorSet(set: try Self.numbered(given, in: write.state), definedBy: actor, definedAt: write.now)
      try write.commitSet(stored)
      return DefineIndicatorSetResponse(indicatorSet: stored.set.wire(definedBy: stored.definedBy, definedAt: stored.definedAt))
    }
    context.audit.record(target: "indicator set \(response.indicatorSet?.id ?? "") v\(response.indicatorSet?.version ?? 0)")
    return response
  }

  /// The set numbered as the next version of its id (when its version is 0) and checked
  /// against the domain's rules.
  ///
  /// - Throws: `ALREADY_EXISTS` or `FAILED_PRECONDITION` on `indicator_set.version` for a
  ///   version that is not the next; `INVALID_ARGUMENT` naming the first field at fault.
  static func numbered(_ given: IndicatorSet, in snapshot: RegistrySnapshot) throws -> IndicatorSet {
    var set = given
    guard set.version >= 0 else {
      throw FieldError.invalid("indicator_set.version", "must be 0 (the next version) or more; got \(set.version)")
    }
    let latest = snapshot.latestSet(set.id)?.set.version ?? 0
    if set.version == 0 { set.version = latest + 1 }
    guard set.version == latest + 1 else {
      throw FieldError(
        set.version <= latest ? .alreadyExists : .failedPrecondition, "indicator_set.version",
        "set \"\(set.id)\" is at version \(latest); define version \(latest + 1) (or 0 to number it)")
    }
    let problems = set.validationProblems
    if let first = problems.first {
      let more = problems.count > 1 ? " (and \(problems.count - 1) more problems)" : ""
      throw FieldError.invalid(first.field.isEmpty ? "indicator_set" : "indicator_set.\(first.field)", first.message + more)
    }
    return set
  }

  /// The version `version` (0 for the latest) of the set `id`. `field` names the id in the
  /// request; the version is the field beside it (`version` beside `id`, `set_version` beside
  /// `set_id`).
  static func indicatorSet(_ id: String, version: Int32, in snapshot: RegistrySnapshot, field: String) throws -> StoredIndicatorSet {
    guard !id.isEmpty else { throw FieldError.invalid(field, "is required: the indicator set's id, e.g. 01-NQ-DUK-2020-2025") }
    let versions = snapshot.versions(of: id)
    guard let latest = versions.last else { throw FieldError.notFound(field, "indicator set \"\(id)\" does not exist") }
    let versionField = field.hasSuffix("_id") ? String(field.dropLast(2)) + "version" : "version"
    guard version >= 0 else { throw FieldError.invalid(versionField, "\(version) is below 0; give 0 (the latest) or a version, 1 or more") }
    guard version != 0 else { return latest }
    guard let stored = versions.first(where: { $0.set.version == Int(version) }) else {
      throw FieldError.notFound(versionField, "indicator set \"\(id)\" has no version \(version); its latest is \(latest.set.version)")
    }
    return stored
  }
}
