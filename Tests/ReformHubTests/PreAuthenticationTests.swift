import Foundation
import GRPCCore
import ReformClient
import ReformSecurity
import ReformWire
import Testing

/// Callers without a good token: each peer address may fail only so often before it is turned
/// away unheard, and its refusals reach the audit log as a few counted entries, not one each.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct PreAuthenticationTests {
  /// The denial window, seconds: long against the time the calls take, short enough to wait out.
  static let window = 8.0

  /// The error an echo through `client` ends with, or nil when it succeeds.
  private func failure(_ client: ReformClient) async -> ReformError? {
    await ReformHubTests.failure { _ = try await client.diagnostics.echo(text: "who goes there", payload: []) }
  }

  @Test func badTokenCallsFromOnePeerBecomeAFewCountedAuditEntriesAndTheNextIsRateLimited() async throws {
    let calls = 25
    let cluster = try Cluster()
    let address = "127.0.0.1:\(try FreePort.find())"
    try cluster.startCoordinator([
      "--listen", address, "--auth-failure-burst", "\(calls)", "--auth-failure-rate", "0.01",
      "--audit-denial-window-ms", "\(Int(Self.window * 1000))",
    ])
    try cluster.startWorker()
    try await cluster.waitForWorkers(1)

    let started = ContinuousClock.now
    let (codes, over) = try await ReformClient.connect(to: address, token: TokenSecret.generate().plaintext) { client in
      var codes: [ReformError.Code?] = []
      for _ in 0..<calls { codes.append(await failure(client)?.code) }
      return (codes, await failure(client))
    }
    let elapsed = (ContinuousClock.now - started) / .seconds(1)
    #expect(codes.allSatisfy { $0 == .unauthenticated }, "\(codes)")
    #expect(over?.code == .resourceExhausted)
    #expect(over?.message.contains("too many failed authentications from ipv4:127.0.0.1") == true, "\(String(describing: over))")
    // Over the limit, a token from that address is looked up in memory only: one that
    // authenticated lately (the admin's) still works; one the store alone could vouch for waits.
    let fresh = try await cluster.withClient { client in
      try await client.call(
        AdminService.CreateToken.self,
        AdminCreateTokenRequest(idempotencyKey: "fresh", principal: Principal(displayName: "Viewer", roles: [.viewer]))
      ).token
    }
    #expect(try await ReformClient.connect(to: address, token: fresh) { await failure($0) }?.code == .resourceExhausted)
    #expect(try await ReformClient.connect(to: address, token: try cluster.adminToken) { await failure($0) } == nil)
    // The Unix socket, on this host, is not limited.
    _ = try await cluster.withClient { try await $0.diagnostics.echo(text: "from this host", payload: []) }

    // Once the windows have closed, the counts are in the log.
    try await Task.sleep(for: .seconds(Self.window + 1.5))
    let (unauthenticated, exhausted) = try await cluster.withClient { client in
      let echo = DiagnosticsService.Echo.info.path
      return (
        try await client.call(
          AdminService.QueryAudit.self,
          AdminQueryAuditRequest(method: echo, statusCodes: [Int32(Status.Code.unauthenticated.rawValue)])
        ).entries,
        try await client.call(
          AdminService.QueryAudit.self,
          AdminQueryAuditRequest(method: echo, statusCodes: [Int32(Status.Code.resourceExhausted.rawValue)])
        ).entries)
    }
    #expect(unauthenticated.map(\.count).reduce(0, +) == Int64(calls), "\(unauthenticated.map(\.count))")
    // One entry when a window opens, one when it closes: however slow a loaded machine makes
    // the calls, a window's worth of them is two entries.
    let windows = Int(elapsed / Self.window) + 1
    #expect((1...(2 * windows)).contains(unauthenticated.count), "\(unauthenticated.count) entries for \(calls) refusals in \(elapsed) s")
    #expect(unauthenticated.allSatisfy { $0.peer == "ipv4:127.0.0.1" && $0.action == .denied && $0.principal == nil })
    #expect(exhausted.map(\.count).reduce(0, +) == 2, "the limited calls are counted too")
    #expect(exhausted.allSatisfy { $0.message.hasPrefix("authorization: too many failed authentications") })
  }
}
