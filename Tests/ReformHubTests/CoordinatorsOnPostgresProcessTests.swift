import Foundation
import ReformClient
import ReformModuleTesting
import ReformWire
import Testing

/// Two `reformd coordinator` processes, each with its own data folder, keeping their tokens and
/// audit log in one PostgreSQL database, as coordinators on two hosts would.
@Suite(
  "Coordinators on one PostgreSQL database",
  .enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
struct CoordinatorsOnPostgresProcessTests {
  @Test func aTokenRevokedThroughOneCoordinatorIsRefusedByTheOther() async throws {
    let database = try #require(try await TestStore.freshDatabaseURL())
    let first = try Cluster()
    let second = try Cluster()
    try first.startCoordinator(["--database-url", database])
    try second.startCoordinator(["--database-url", database])
    // Both serving: each answers its own admin token (no worker is needed).
    try await first.waitForWorkers(0)
    try await second.waitForWorkers(0)

    let created = try await first.withClient { client in
      try await client.call(
        AdminService.CreateToken.self,
        AdminCreateTokenRequest(
          idempotencyKey: UUID().uuidString,
          principal: Principal(id: "p-ops", displayName: "Vận hành", roles: [.admin])))
    }
    let tokenId = try #require(created.info?.tokenId)
    // The other coordinator knows the token from the shared database, and caches it.
    try await ReformClient.connect(to: second.address, token: created.token) { client in
      _ = try await client.admin.status()
    }

    _ = try await first.withClient { client in
      try await client.call(AdminService.RevokeToken.self, AdminRevokeTokenRequest(tokenId: tokenId, reason: "lost laptop"))
    }

    // Refused within a second by the notice; up to ten are waited for so that a loaded machine
    // does not fail the test, and how long it took is not what is checked.
    let deadline = ContinuousClock.now + .seconds(10)
    var refusal: ReformError?
    while refusal == nil, ContinuousClock.now < deadline {
      do {
        try await ReformClient.connect(to: second.address, token: created.token) { client in
          _ = try await client.admin.status()
        }
        try await Task.sleep(for: .milliseconds(50))
      } catch let error as ReformError {
        refusal = error
      }
    }
    #expect(refusal?.code == .unauthenticated, "\(refusal.map { "\($0)" } ?? "still admitted")")
    #expect(refusal?.message.contains("revoked") == true)

    // Both wrote their audit entries under one sequence, which either reads whole.
    let entries = try await second.withClient { client in
      try await client.call(AdminService.QueryAudit.self, AdminQueryAuditRequest()).entries
    }
    #expect(entries.map(\.sequence) == Array(1...Int64(entries.count)))
    #expect(entries.contains { $0.method.hasSuffix("/RevokeToken") })
  }
}
