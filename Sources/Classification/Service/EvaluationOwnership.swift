import GRPCCore
import ReformWire

/// The owners a clerk's SubmitEvaluations writes over, checked against the clerk's scope: the
/// unit each person is counted under in the registry, and the unit of the evaluation already
/// stored under the same key — not only the `unit_code` the request claims, which a clerk
/// chooses. Without this an upsert could replace another unit's evaluation and move the person
/// into the clerk's quota.
///
/// A refusal is `PERMISSION_DENIED` (or `NOT_FOUND` for a person the registry does not know)
/// naming the entry's `person_id`, and since it comes before the write, nothing of the batch
/// is written. The stored owners are checked again inside the write transaction, so a
/// submission racing this one cannot slip in between.
struct EvaluationOwnership: Sendable {
  private let entries: [(key: EvaluationKey, field: String)]
  private let ownUnit: String
  private let units: ClassificationUnits

  /// The check of `request`'s people for a caller limited to `scope`'s own unit; nil for a
  /// caller who may act for any unit.
  static func of(
    _ request: SubmitEvaluationsRequest, scope: CallerScope, people: (any ClassificationPersonUnits)?
  ) async throws -> EvaluationOwnership? {
    guard let own = scope.ownUnit else { return nil }
    let ownership = EvaluationOwnership(
      entries: request.persons.enumerated().map { index, person in
        (
          EvaluationKey(year: Int(person.year), subjectKind: person.subjectKind.rawValue, subjectId: person.personId),
          "persons[\(index)].person_id"
        )
      },
      ownUnit: own, units: try await scope.units())
    if let people, !ownership.entries.isEmpty {
      try ownership.requireRegistered(
        try await people.units(of: ownership.entries.map(\.key.subjectId), expectedUnder: own))
    }
    return ownership
  }

  /// The keys whose stored owners ``requireStored(_:)`` checks.
  var keys: [EvaluationKey] { entries.map(\.key) }

  /// Refuses when a person is unknown to the registry, or counted under a unit outside the
  /// caller's scope.
  private func requireRegistered(_ registered: [String: String]) throws(RPCError) {
    for (key, field) in entries {
      guard let unit = registered[key.subjectId] else {
        throw RPCError(
          code: .notFound,
          message: "\(field): \(key.subjectId) is not a person of the registry; a clerk evaluates only the people the registry counts under their unit")
      }
      guard covers(unit) else {
        throw RPCError(
          code: .permissionDenied,
          message: "\(field): \(key.subjectId) is counted under unit \(unit) in the registry, outside the caller's scope; \(reach)")
      }
    }
  }

  /// Refuses when an evaluation stored under one of ``keys`` belongs to a unit outside the
  /// caller's scope.
  func requireStored(_ stored: [EvaluationKey: String]) throws(RPCError) {
    for (key, field) in entries {
      guard let unit = stored[key], !covers(unit) else { continue }
      throw RPCError(
        code: .permissionDenied,
        message: "\(field): \(key.subjectId) is already evaluated for \(key.year) in unit \(unit), outside the caller's scope; \(reach)")
    }
  }

  private func covers(_ unit: String) -> Bool { unit == ownUnit || units.isUnder(unit, ownUnit) }

  private var reach: String {
    "a clerk of \(ownUnit) writes only the evaluations of \(ownUnit) and the units under it"
  }
}
