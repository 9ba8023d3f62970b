import ClassificationDomain
import Testing

/// A clerk writes only the evaluations of their own unit's subtree: judged by where the
/// registry counts each person and where an evaluation is already stored, not by the unit the
/// submission claims.
@Suite("Ownership of a clerk's evaluations")
struct OwnershipTests {
  private let tree = UnitTree(parents: ["DB1": "DUK", "CB1": "DB1", "CB2": "DB1", "DB2": "DUK", "CB3": "DB2"])

  private func ownership(_ ids: [String], of unit: String = "DB1") -> EvaluationOwnership {
    EvaluationOwnership(
      entries: ids.enumerated().map { .init(subjectId: $1, year: 2025, field: "persons[\($0)].person_id") },
      ownUnit: unit, tree: tree)
  }

  @Test func peopleOfTheClerksSubtreePass() throws {
    try ownership(["P1", "P2"]).requireRegistered(["P1": "DB1", "P2": "CB2"])
    try ownership(["P1"]).requireStored([0: "CB1"])
  }

  @Test func aPersonTheRegistryDoesNotHaveIsNotFound() {
    do {
      try ownership(["P1", "P9"]).requireRegistered(["P1": "CB1"])
      Issue.record("expected a refusal")
    } catch {
      #expect(error.kind == .notFound)
      #expect(error.field == "persons[1].person_id")
    }
  }

  @Test func aPersonCountedUnderAnotherUnitIsRefused() {
    do {
      try ownership(["P1"]).requireRegistered(["P1": "CB3"])
      Issue.record("expected a refusal")
    } catch {
      #expect(error.kind == .permissionDenied)
      #expect(error.message.contains("counted under unit CB3"))
      #expect(error.message.hasSuffix("a clerk of DB1 writes only the evaluations of DB1 and the units under it"))
    }
  }

  @Test func anEvaluationStoredInAnotherUnitIsNotReplaced() {
    do {
      try ownership(["P1", "P2"]).requireStored([1: "DB2"])
      Issue.record("expected a refusal")
    } catch {
      #expect(error.kind == .permissionDenied)
      #expect(error.field == "persons[1].person_id")
      #expect(error.message.hasPrefix("P2 is already evaluated for 2025 in unit DB2"))
    }
  }

  @Test func theClerksOwnUnitIsWithinReach() throws {
    try ownership(["P1"], of: "CB1").requireRegistered(["P1": "CB1"])
  }
}
