import Foundation
import ReformClient
import ReformSecurity
import ReformWire
import Testing

/// The cross-unit matrix: a clerk of one unit aims at another unit's data by every path —
/// directly, by an upsert that claims the clerk's own unit, by an edXML import, by a stream —
/// and is refused or confined every time, leaving the other unit's data byte for byte as it
/// was. The methods come from the access policy (every write and every read of personal data),
/// the requests from the schema: a new method or field is attacked without editing the test.
/// `Tests/Interop/cross_unit.py` (Python grpcio) does the calls against `reformd up --demo`.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct CrossUnitMatrixTests {
  @Test func aClerkReachesNoOtherUnitsDataByAnyPath() async throws {
    let system = try await DemoSystem.start(name: "cross")
    defer { system.stop() }

    let (clerkA, clerkB) = try await ReformClient.connect(to: system.address, token: system.adminToken) { client in
      func clerk(of unit: String) async throws -> String {
        try await client.call(
          AdminService.CreateToken.self,
          AdminCreateTokenRequest(
            idempotencyKey: UUID().uuidString,
            principal: Principal(id: "clerk-\(unit)", displayName: "Văn thư \(unit)", unitCode: unit, roles: [.clerk]))
        ).token
      }
      return (try await clerk(of: "DBCS-SGDDT"), try await clerk(of: "DBCS-DPTTH"))
    }
    let policy = system.directory + "/policy.json"
    try Self.policyJSON().write(to: URL(fileURLWithPath: policy))
    let before = try await system.processes()

    let (status, report) = try DemoSystem.runPython(
      "cross_unit.py", arguments: [system.address, "--policy", policy],
      environment: ["REFORM_ADMIN_TOKEN": system.adminToken, "REFORM_CLERK_A_TOKEN": clerkA, "REFORM_CLERK_B_TOKEN": clerkB])
    print(report)
    #expect(status == 0, "cross_unit.py found a path into another unit's data:\n\(report)")
    #expect(try await system.processes() == before, "a process of the system was restarted")
  }

  /// The access policy as the script reads it: per method path, who may call it, its
  /// idempotency, whether its reads are audited as personal data, and its grants.
  static func policyJSON() throws -> Data {
    var table: [String: [String: Any]] = [:]
    for service in WireCatalogue.services {
      for method in service.methods {
        let rule = AccessPolicy.reform.rule(for: method.path)
        let callers: String =
          switch rule?.callers {
          case .anyone?: "anyone"
          case .workers?: "workers"
          case .principals?: "principals"
          case nil: "nobody"
          }
        table[method.path] = [
          "callers": callers,
          "idempotency": method.idempotency == .noSideEffects ? "noSideEffects" : method.idempotency == .idempotent ? "idempotent" : "unknown",
          "auditsReads": rule?.auditsReads ?? false,
          "grants": rule?.grants.map(\.description) ?? [],
        ]
      }
    }
    return try JSONSerialization.data(withJSONObject: table, options: [.sortedKeys, .prettyPrinted])
  }
}
