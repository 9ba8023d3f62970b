import Foundation
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

@testable import ReformSecurity

/// Two coordinators sharing one PostgreSQL database, as two stores of each kind on one schema:
/// one audit sequence between them, and a token revoked through one refused by the other.
@Suite("Coordinators on one PostgreSQL database", .needsPostgres)
struct CoordinatorsOnOneDatabaseTests {
  @Test func auditEntriesAppendedThroughTwoCoordinatorsAtOnceAreNumberedOneToNWithoutAGapOrARepeat() async throws {
    let location = try TestStore.freshPostgres("security_race")
    let logs = [try AuditLog(store: location), try AuditLog(store: location)]
    let perLog = 150
    // Sixteen appends at a time through each coordinator, as many calls in flight as its pool
    // has connections: all of them meet on the one counter row, and none waits for a
    // connection (a wait past the connect timeout would answer busy, as under overload).
    let lanes = 16
    let sequences = try await withThrowingTaskGroup(of: [Int64].self) { group in
      for (which, log) in logs.enumerated() {
        for lane in 0..<lanes {
          group.addTask {
            var numbers: [Int64] = []
            for index in stride(from: lane, to: perLog, by: lanes) {
              numbers.append(
                try await log.append(
                  AdminAuditEntry(method: "/reform.v1.Documents/Send", target: "c\(which)-doc-\(index)", action: .write)))
            }
            return numbers
          }
        }
      }
      return try await group.reduce(into: [Int64]()) { $0 += $1 }
    }
    let total = Int64(logs.count * perLog)
    #expect(sequences.sorted() == Array(1...total))
    // Each reads what both wrote, in the order of the sequence.
    for log in logs {
      let request = AdminQueryAuditRequest(page: PageRequest(pageSize: 1000))
      let response = try await log.query(request)
      #expect(response.entries.map(\.sequence) == Array(1...total))
      #expect(Set(response.entries.map(\.target)).count == Int(total))
    }
  }

  @Test func aTokenRevokedThroughOneCoordinatorIsRefusedByTheOtherThatHadItCached() async throws {
    let location = try TestStore.freshPostgres("security_revoke")
    let first = try TokenStore(store: location)
    let second = try TokenStore(store: location)
    let created = try await first.create(
      AdminCreateTokenRequest(
        idempotencyKey: UUID().uuidString, principal: Principal(displayName: "Lê Văn C", unitCode: "LC01", roles: [.clerk])),
      createdBy: "pr_admin")
    let tokenId = try #require(created.info?.tokenId)
    // The second has found the token live, so it answers from memory from now on.
    #expect(try await second.authenticate(secret: created.token).principal != nil)
    #expect(second.hasAuthenticated(secret: created.token))

    _ = try await first.revoke(tokenId: tokenId, revokedBy: "pr_admin", reason: "lost laptop")

    // The notice forgets it within a second; ten are allowed, so that a loaded machine does
    // not fail the test, and how long it took is not what is checked.
    let deadline = ContinuousClock.now + .seconds(10)
    var result = try await second.authenticate(secret: created.token)
    while result != .revoked(tokenId: tokenId), ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(20))
      result = try await second.authenticate(secret: created.token)
    }
    #expect(result == .revoked(tokenId: tokenId))
    #expect(!second.hasAuthenticated(secret: created.token))
  }

  @Test func aRevocationWhoseNoticeWasLostIsFoundByThePoll() async throws {
    let location = try TestStore.freshPostgres("security_poll")
    guard case .postgres(let settings, let schema?) = location else { throw CancellationError() }
    let first = try TokenStore(store: location)
    let created = try await first.create(
      AdminCreateTokenRequest(idempotencyKey: UUID().uuidString, principal: Principal(displayName: "Đỗ Thị D", roles: [.viewer])),
      createdBy: "pr_admin")
    let tokenId = try #require(created.info?.tokenId)
    // A cache that no listener serves, holding the token as a coordinator that found it live.
    let storage = try TokenPostgresStore(settings: settings, schema: schema)
    let recent = RecentTokens()
    recent.remember(
      RecentTokens.Entry(principal: Principal(), tokenId: tokenId, expiresAt: nil, checkedAt: Date(), workerModules: []),
      for: "hash", ifStill: recent.lookUp("hash").generation)
    await storage.poll(into: recent)
    #expect(recent.tokenIds == [tokenId], "a live token stays cached")

    _ = try await first.revoke(tokenId: tokenId, revokedBy: "pr_admin")
    await storage.poll(into: recent)
    #expect(recent.tokenIds.isEmpty)
  }
}
