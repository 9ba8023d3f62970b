import ClassificationDomain
import ReformWire

/// A clerk's SubmitEvaluations checked against the owners it writes over, by the domain's
/// ``ClassificationDomain/EvaluationOwnership``: the unit the registry counts each person
/// under, read here, and the unit of each evaluation already stored under the same key, read
/// before the write and again inside it (``OwnerCheck``), so that a submission racing this
/// one cannot slip in between.
///
/// A refusal (a ``ClassificationDomain/ClassificationRefusal``) is `PERMISSION_DENIED` (or `NOT_FOUND` for a person the registry does not know)
/// naming the entry's `person_id`, and since it comes before the write, nothing of the batch
/// is written.
struct SubmissionOwners: Sendable {
  private let rule: EvaluationOwnership
  /// The stored evaluations the submission would replace, one per entry of the rule.
  let keys: [EvaluationKey]

  /// The check of `request`'s people for a caller limited to `scope`'s own unit, the
  /// registry's units checked already; nil for a caller who may act for any unit.
  static func of(
    _ request: SubmitEvaluationsRequest, scope: CallerScope, people: (any ClassificationPersonUnits)?
  ) async throws -> SubmissionOwners? {
    guard let own = scope.ownUnit else { return nil }
    let entries = request.persons.enumerated().map { index, person in
      EvaluationOwnership.Entry(subjectId: person.personId, year: Int(person.year), field: "persons[\(index)].person_id")
    }
    let owners = SubmissionOwners(
      rule: EvaluationOwnership(entries: entries, ownUnit: own, tree: try await scope.units().tree),
      keys: request.persons.map {
        EvaluationKey(year: Int($0.year), subjectKind: $0.subjectKind.rawValue, subjectId: $0.personId)
      })
    if let people, !entries.isEmpty {
      let registered = try await people.units(of: entries.map(\.subjectId), expectedUnder: own)
      try owners.rule.requireRegistered(registered)
    }
    return owners
  }

  /// Refuses when an evaluation stored under one of ``keys`` belongs to a unit outside the
  /// caller's scope.
  func requireStored(_ stored: [EvaluationKey: String]) throws(ClassificationRefusal) {
    var units: [Int: String] = [:]
    for (index, key) in keys.enumerated() { units[index] = stored[key] }
    try rule.requireStored(units)
  }
}
