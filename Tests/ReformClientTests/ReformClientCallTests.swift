import Foundation
import ReformClient
import ReformWire
import Testing

/// The client against a real HTTP/2 server on loopback: calls, streams, tokens, deadlines and
/// the one error type.
@Suite struct ReformClientCallTests {
  @Test func unaryCallReturnsTheTypedResponse() async throws {
    try await FakeCoordinator.serve { address in
      let reply = try await ReformClient.connect(to: address) { client in
        try await client.diagnostics.echo(text: "Xin chào", payload: [1, 2, 3])
      }
      #expect(reply.text == "Xin chào")
      #expect(reply.payload == [1, 2, 3])
      #expect(reply.worker?.workerId == "fake-1")
    }
  }

  @Test func tokenTravelsAsBearerAuthorization() async throws {
    try await FakeCoordinator.serve { address in
      let caller = try await ReformClient.connect(to: address, token: "s3cret") { client in
        try await client.diagnostics.echo().caller?.id
      }
      #expect(caller == "Bearer s3cret")
      let anonymous = try await ReformClient.connect(to: address) { client in
        try await client.diagnostics.echo().caller?.id
      }
      #expect(anonymous == "")
    }
  }

  @Test func serverStatusBecomesReformErrorWithItsCode() async throws {
    try await FakeCoordinator.serve { address in
      try await ReformClient.connect(to: address) { client in
        let error = await #expect(throws: ReformError.self) {
          _ = try await client.call(DiagnosticsService.Fail.self, DiagnosticsFailRequest(code: 5, message: "no such unit"))
        }
        #expect(error?.code == .notFound)
        #expect(error?.message == "no such unit")
        let unknown = await #expect(throws: ReformError.self) { _ = try await client.health.check(service: "nope") }
        #expect(unknown?.code == .notFound)
      }
    }
  }

  @Test func passedDeadlineIsDeadlineExceeded() async throws {
    try await FakeCoordinator.serve { address in
      try await ReformClient.connect(to: address) { client in
        // The server would answer OK after 30 s; the caller gives up after 100 ms.
        let error = await #expect(throws: ReformError.self) {
          _ = try await client.call(
            DiagnosticsService.Sleep.self, DiagnosticsSleepRequest(durationMs: 30_000), timeout: .milliseconds(100))
        }
        #expect(error?.code == .deadlineExceeded)
      }
    }
  }

  /// Nobody listening is UNAVAILABLE at once — not DEADLINE_EXCEEDED after a minute of
  /// waiting for a server to appear.
  @Test func nobodyListeningIsUnavailable() async throws {
    let error = await #expect(throws: ReformError.self) {
      try await ReformClient.connect(to: "unix:/nonexistent/reform-\(UUID()).sock") { client in
        _ = try await client.health.check(timeout: .seconds(60))
      }
    }
    #expect(error?.code == .unavailable)
  }

  @Test func streamHandsOverEveryItemInOrder() async throws {
    try await FakeCoordinator.serve { address in
      let indices = try await ReformClient.connect(to: address) { client in
        let collected = Collected<Int32>()
        try await client.stream(DiagnosticsService.StreamItems.self, DiagnosticsStreamItemsRequest(itemCount: 5)) { item in
          await collected.append(item.index)
        }
        return await collected.items
      }
      #expect(indices == [0, 1, 2, 3, 4])
    }
  }

  @Test func streamFailingMidwayThrowsAfterTheItemsBefore() async throws {
    try await FakeCoordinator.serve { address in
      try await ReformClient.connect(to: address) { client in
        let collected = Collected<Int32>()
        let error = await #expect(throws: ReformError.self) {
          try await client.stream(
            DiagnosticsService.StreamItems.self,
            DiagnosticsStreamItemsRequest(itemCount: 5, failAfter: 2, failCode: 14)
          ) { item in
            await collected.append(item.index)
          }
        }
        #expect(error?.code == .unavailable)
        #expect(await collected.items == [0, 1])
      }
    }
  }

  @Test func healthWatchReportsEachStatus() async throws {
    try await FakeCoordinator.serve { address in
      let statuses = try await ReformClient.connect(to: address) { client in
        let collected = Collected<HealthCheckResponse.ServingStatus>()
        try await client.health.watch { await collected.append($0) }
        return await collected.items
      }
      #expect(statuses == [.notServing, .serving])
    }
  }

  @Test func handlerErrorStopsTheStreamAsCancelledWithTheCause() async throws {
    struct Enough: Error {}
    try await FakeCoordinator.serve { address in
      try await ReformClient.connect(to: address) { client in
        let error = await #expect(throws: ReformError.self) {
          try await client.stream(DiagnosticsService.StreamItems.self, DiagnosticsStreamItemsRequest(itemCount: 5)) { _ in
            throw Enough()
          }
        }
        #expect(error?.code == .cancelled)
        #expect(error?.cause is Enough)
      }
    }
  }

  @Test func bodyErrorsPassThroughConnectUnchanged() async {
    struct Mine: Error {}
    await #expect(throws: Mine.self) {
      try await ReformClient.connect(to: "127.0.0.1:1") { _ in throw Mine() }
    }
  }

  @Test func bodyWithoutCallsReturnsItsValue() async throws {
    let value = try await ReformClient.connect(to: "127.0.0.1:1") { _ in 42 }
    #expect(value == 42)
  }

  @Test func streamingMethodThroughCallIsRefusedBeforeAnyCall() async throws {
    try await ReformClient.connect(to: "127.0.0.1:1") { client in
      let error = await #expect(throws: ReformError.self) {
        _ = try await client.call(HealthService.Watch.self, HealthCheckRequest())
      }
      #expect(error?.code == .invalidArgument)
    }
  }
}
