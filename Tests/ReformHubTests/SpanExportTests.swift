import Foundation
import ReformClient
import ReformKit
import ReformWire
import Testing

/// Spans over OTLP/gRPC from real processes to a real receiver: the coordinator's span of a
/// call and the worker's span of its job, in one tree under the caller's trace.
@Suite(.serialized) struct SpanExportTests {
  static let callers = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

  @Test func theCoordinatorsAndTheWorkersSpansReachTheCollectorAsOneTree() async throws {
    let receiver = try await OTLPReceiver()
    let cluster = try Cluster()
    try cluster.startCoordinator(["--otlp-endpoint", receiver.endpoint])
    try cluster.startWorker(extra: ["--otlp-endpoint", receiver.endpoint])
    try await cluster.waitForWorkers(1)
    let seen = try await cluster.withClient { client in
      try await client.call(
        DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "xuất vết"), metadata: [("traceparent", Self.callers)]
      ).traceParent
    }
    let job = try #require(TraceParent(header: seen), "the worker saw '\(seen)'")
    let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
    let name = DiagnosticsService.Echo.info.descriptor.fullyQualifiedMethod
    let spans = try await receiver.waitForSpans { spans in
      Set(spans.filter { $0.trace_id == traceID && $0.name == name }.compactMap(\.service))
        .isSuperset(of: ["reform-coordinator", "reform-worker-diagnostics"])
    }.filter { $0.trace_id == traceID && $0.name == name }
    let coordinator = try #require(spans.first { $0.service == "reform-coordinator" }, "received \(receiver.spans())")
    let worker = try #require(spans.first { $0.service == "reform-worker-diagnostics" }, "received \(receiver.spans())")
    #expect(coordinator.parent_span_id == "00f067aa0ba902b7", "the coordinator's span is the caller's child")
    #expect(coordinator.span_id == job.parentID, "the job's traceparent names the coordinator's span")
    #expect(worker.parent_span_id == coordinator.span_id, "the worker's span is the coordinator's child")
    #expect(worker.span_id != coordinator.span_id)
    for span in [coordinator, worker] {
      #expect(span.kind == 2, "a server span")
      #expect(span.attributes["rpc.grpc.status_code"] == .number(0))
      #expect(Set(span.attributes.keys) == ["rpc.system", "rpc.service", "rpc.method", "rpc.grpc.status_code"])
      #expect(!(span.instance ?? "").isEmpty)
    }
  }

  @Test func aFailedCallsSpanCarriesItsStatusCode() async throws {
    let receiver = try await OTLPReceiver()
    let cluster = try Cluster()
    try cluster.startCoordinator(["--otlp-endpoint", receiver.endpoint])
    try cluster.startWorker(extra: ["--otlp-endpoint", receiver.endpoint])
    try await cluster.waitForWorkers(1)
    // Without a token: the coordinator refuses the call before any worker sees it.
    let refused = try await ReformClient.connect(to: cluster.address) { client in
      do {
        _ = try await client.call(DiagnosticsService.Echo.self, DiagnosticsEchoRequest(text: "không thẻ"))
        return nil as ReformError?
      } catch let error as ReformError {
        return error
      }
    }
    let code = try #require(refused).code
    let name = DiagnosticsService.Echo.info.descriptor.fullyQualifiedMethod
    let spans = try await receiver.waitForSpans { $0.contains { $0.name == name } }
    let span = try #require(spans.first { $0.name == name }, "received \(spans)")
    #expect(span.service == "reform-coordinator")
    #expect(span.attributes["rpc.grpc.status_code"] == .number(code.rawValue))
    #expect(span.status == 2, "an error status")
  }

  @Test func aMalformedEndpointIsRefusedNamingTheFlag() throws {
    for endpoint in ["ftp://127.0.0.1:4317", "127.0.0.1:4317", "http://127.0.0.1:99999", "http://user@127.0.0.1:4317/v1/traces"] {
      let refused = try ChildProcess.run(
        Cluster.reformd, ["coordinator", "--listen", "unix:/tmp/reform-otlp-\(getpid()).sock", "--data", NSTemporaryDirectory() + "reform-otlp-\(getpid())",
          "--otlp-endpoint", endpoint])
      #expect(refused.status != 0, "\(endpoint)")
      #expect(refused.output.contains("--otlp-endpoint"), "\(endpoint): \(refused.output)")
    }
  }
}
