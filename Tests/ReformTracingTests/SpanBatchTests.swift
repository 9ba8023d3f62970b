import ReformKit
import Testing
import Tracing

@testable import ReformTracing

/// The queue of finished spans: bounded, never blocking, counting what it drops.
@Suite struct SpanBatchTests {
  static let trace = TraceParent(header: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")!

  static func span(_ name: String) -> FinishedSpan {
    FinishedSpan(
      name: name, kind: .server, identity: .child(of: trace), startNanoseconds: 1, endNanoseconds: 2, attributes: [:],
      error: nil)
  }

  @Test func aFullQueueDropsTheNewSpanAndCountsIt() {
    let batch = SpanBatch(capacity: 3)
    let added = (1...5).map { batch.add(Self.span("s\($0)")) }
    #expect(added == [true, true, true, false, false])
    #expect(batch.count == 3)
    #expect(batch.dropped == 2)
  }

  @Test func takingFreesRoomInTheOrderSpansEnded() {
    let batch = SpanBatch(capacity: 3)
    for index in 1...3 { batch.add(Self.span("s\(index)")) }
    #expect(batch.take(atMost: 2).map(\.name) == ["s1", "s2"])
    #expect(batch.add(Self.span("s4")))
    #expect(batch.take(atMost: 10).map(\.name) == ["s3", "s4"])
    #expect(batch.take(atMost: 10).isEmpty)
    #expect(batch.dropped == 0)
  }

  @Test func aSpanIsQueuedOnceHoweverOftenItEnds() {
    let batch = SpanBatch(capacity: 8)
    let span = ReformTracer(batch: batch).startSpan("once", context: SpanIdentity.child(of: Self.trace).context, ofKind: .client)
    span.end()
    span.end()
    #expect(batch.count == 1)
  }

  @Test func aSpanTakesItsIdsFromTheTraceParent() throws {
    let batch = SpanBatch(capacity: 8)
    let ids = SpanIdentity.child(of: Self.trace)
    ReformTracer(batch: batch).startSpan("ids", context: ids.context, ofKind: .server).end()
    let span = try #require(batch.take(atMost: 1).first).otlp
    #expect(span.traceId == FinishedSpan.bytes(ofHex: "4bf92f3577b34da6a3ce929d0e0e4736"))
    #expect(span.parentSpanId == FinishedSpan.bytes(ofHex: "00f067aa0ba902b7"))
    #expect(span.spanId == FinishedSpan.bytes(ofHex: ids.own.parentID))
    #expect(span.spanId.count == 8 && span.traceId.count == 16)
    #expect(span.kind == .server)
  }

  @Test func attributesAreBoundedInNumberAndSize() {
    var attributes = SpanAttributes()
    for index in 0..<(FinishedSpan.maxAttributes + 5) { attributes["a\(index)"] = String(repeating: "đ", count: 1000) }
    let span = FinishedSpan(
      name: String(repeating: "x", count: 10_000), kind: .internal, identity: .root(), startNanoseconds: 0, endNanoseconds: 0,
      attributes: attributes, error: nil)
    #expect(span.attributes.count == FinishedSpan.maxAttributes)
    #expect(span.droppedAttributes == 5)
    #expect(span.name.utf8.count == FinishedSpan.maxValueBytes)
    for (_, value) in span.attributes {
      guard case .string(let text) = value else { continue }
      #expect(text.utf8.count <= FinishedSpan.maxValueBytes)
    }
  }
}

/// `--otlp-endpoint`: an OTLP/gRPC collector's URL, anything else refused naming the flag.
@Suite struct OTLPEndpointTests {
  @Test(arguments: [
    ("http://127.0.0.1:4317", "127.0.0.1:4317", false), ("https://collector.example:443", "collector.example:443", true),
    ("http://localhost", "localhost:4317", false), ("http://[::1]:4317", "[::1]:4317", false),
  ])
  func collectorURLsAreRead(text: String, address: String, tls: Bool) throws {
    let endpoint = try OTLPEndpoint(parsing: text)
    #expect(endpoint.address == address)
    #expect(endpoint.usesTLS == tls)
  }

  @Test(arguments: [
    "127.0.0.1:4317", "ftp://127.0.0.1:4317", "http://", "http://127.0.0.1:0", "http://127.0.0.1:70000",
    "http://user:secret@127.0.0.1:4317", "http://127.0.0.1:4317/v1/traces", "http://127.0.0.1:4317?x=1", "",
  ])
  func malformedEndpointsAreRefusedNamingTheFlag(text: String) {
    #expect {
      try OTLPEndpoint(parsing: text)
    } throws: { error in
      "\(error)".hasPrefix("--otlp-endpoint")
    }
  }
}
