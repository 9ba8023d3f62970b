import Foundation
import InspectionDomain
import ReformKit
import ReformModule
import ReformStore
import ReformWire
import Testing

@testable import Inspection

@Suite("Mapping and store details")
struct MappingTests {
  @Test func anInputMappedToTheWireAndBackIsTheSameInput() throws {
    var input = PlanInput.generated(units: 40, teams: 4, seed: 8)
    input.rules.minInspectorsPresent = 2
    input.rules.lengths = [LengthRule(kind: .programmed, minMembers: 30, lengthDays: 7)]
    let wire = input.wire(
      risks: input.risks.map { InspectionUnitRisk(unitCode: $0.unitCode, scoreBp: Int32($0.scoreBP)) },
      riskMode: .given,
      riskWeights: nil)
    var back = try PlanInput(wire, field: "input")
    back.risks = wire.risks.map(\.domain)
    #expect(back == input)
  }

  @Test func domainFieldPathsAreSpelledAsTheProtoSpellsThem() {
    #expect(FieldPath.proto("visitsDue[3].dueID") == "visits_due[3].due_id")
    #expect(FieldPath.proto("teams[2].inspectors[0].homeUnitCode") == "teams[2].inspectors[0].home_unit_code")
    #expect(FieldPath.proto("rules.extensionBP") == "rules.extension_bp")
    #expect(FieldPath.proto("changes[0].unitAdded.due.dueID") == "changes[0].unit_added.due.due_id")
    #expect(FieldPath.proto("notice.days[1].date") == "notice.days[1].date")
  }

  @Test func fingerprintsAreSHA256OfTheRequestAsSent() throws {
    // The ledger's fingerprint is SHA-256 of the request's bytes, key included, as the module
    // has always stored it: answers stored before still replay.
    func fingerprint(_ bytes: [UInt8]) throws -> String {
      let claim = try #require(try IdempotencyClaim(method: "Plan", key: "k", request: bytes))
      return claim.fingerprint.map { String(format: "%02x", $0) }.joined()
    }
    #expect(try fingerprint(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(try fingerprint([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      try fingerprint(Array(repeating: 0x61, count: 1_000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    let request = planRequest(smallInput(), key: "plan-1")
    let claim = try #require(try InspectionHandlers.idempotencyClaim("plan-1", method: "Plan", request: request))
    let direct = try IdempotencyClaim(method: "Plan", key: "plan-1", request: try request.wireBytes())
    #expect(claim.fingerprint == direct?.fingerprint)
  }

  @Test func concurrentPlansFromTwoWorkersOnOneFileGetDistinctNumbers() async throws {
    let first = try Harness()
    let second = try first.reopened()
    let ids = try await withThrowingTaskGroup(of: String.self) { group in
      for i in 0..<8 {
        let module = i.isMultiple(of: 2) ? first : second
        group.addTask {
          try await module.call(InspectionService.Plan.self, planRequest(smallInput(seed: Int64(i)))).programme?
            .programmeId ?? ""
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(Set(ids) == Set((1...8).map { "KTGS-2026-000\($0)" }))
  }

  @Test func migrationsKeepTheIDsReleasedFilesRecord() throws {
    // A file records the ids of the migrations applied to it: these are the ones every
    // released file holds, so such a file opens with nothing applied twice (and a repeat of a
    // request it answered replays, see PlanTests). PostgreSQL records the same ids.
    #expect(
      InspectionMigrations.all.ids == [
        "inspection.v1.calendar-notices", "inspection.v1.built-in-notice-2026", "inspection.v1.programmes",
        "inspection.v1.idempotency",
      ])
    #expect(InspectionMigrations.all.renamed.isEmpty)
    #expect(try InspectionMigrations.postgres().ids == InspectionMigrations.all.ids)
  }
}
