import Foundation
import Logging
import ReformClient
import ReformHub
import ReformKit
import ReformWire
import Testing

/// W3C `traceparent` through real processes: from a caller to the worker that runs its call,
/// and from a worker's call to another module on through the coordinator.
@Suite(.serialized) struct TracingTests {
  static let callers = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

  @Test func aCallersTraceReachesTheWorkerUnderTheCoordinatorsSpan() async throws {
    let cluster = try await Cluster.withOneWorker()
    let seen = try await cluster.withClient { client in
      try await client.call(
        DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "theo dấu"), metadata: [("traceparent", Self.callers)]
      ).traceParent
    }
    let trace = try #require(TraceParent(header: seen), "the worker saw '\(seen)'")
    #expect(trace.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
    #expect(trace.parentID != "00f067aa0ba902b7", "the worker's parent is the coordinator's span, not the caller's")
    #expect(trace.flags == 1)
  }

  @Test func anAuditedCallsEntryCarriesItsTraceID() async throws {
    let cluster = try await Cluster.withOneWorker()
    let entries = try await cluster.withClient { client in
      _ = try await client.call(
        DiagnosticsService.Tally.self, DiagnosticsTallyRequest(key: "trace-\(UUID().uuidString.prefix(8))"),
        metadata: [("traceparent", Self.callers)])
      return try await client.call(
        AdminService.QueryAudit.self, AdminQueryAuditRequest(method: DiagnosticsService.Tally.info.path)
      ).entries
    }
    #expect(entries.map(\.requestId) == ["4bf92f3577b34da6a3ce929d0e0e4736"], "\(entries)")
  }

  @Test func withoutATraceOrWithAnUnreadableOneTheCoordinatorStartsOne() async throws {
    let cluster = try await Cluster.withOneWorker()
    let seen = try await cluster.withClient { client in
      var seen: [String] = []
      for header in [nil, "00-zz-00f067aa0ba902b7-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"] {
        seen.append(try await client.call(
          DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "mới"), metadata: header.map { [("traceparent", $0)] } ?? []
        ).traceParent)
      }
      return seen
    }
    let traces = seen.compactMap(TraceParent.init(header:))
    #expect(traces.count == 3, "\(seen)")
    #expect(Set(traces.map(\.traceID)).count == 3, "each call a trace of its own")
    #expect(traces.allSatisfy { $0.traceID != "00000000000000000000000000000000" })
  }

  @Test func aWorkersCallToAnotherModuleCarriesTheTraceOn() async throws {
    let cluster = try await Cluster.withOneWorker()
    _ = try cluster.adminToken
    // What a worker's handler uses to call another module, with the admin token for a service token.
    let calls = CoordinatorCalls(
      coordinator: try ReformAddress(cluster.address), tokenFile: cluster.directory + "/admin.token", tls: nil,
      logger: Logger(label: "reform.test"))
    let job = try #require(TraceParent(header: Self.callers))
    let seen = try await TraceParent.$current.withValue(job) {
      try await calls.call(DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "gọi tiếp"), timeout: .seconds(30)).traceParent
    }
    await calls.close()
    let trace = try #require(TraceParent(header: seen), "the peer saw '\(seen)'")
    #expect(trace.traceID == job.traceID)
    #expect(trace.parentID != job.parentID)
  }
}
