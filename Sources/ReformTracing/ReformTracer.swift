import Foundation
import ReformKit
import Synchronization
import Tracing

/// swift-distributed-tracing's `Tracer`, with Reform's `traceparent` for ids: a span takes its
/// trace id, its own id and its parent's from the ``SpanIdentity`` in the context it is started
/// with (a new trace when there is none), and goes, once ended, to a ``SpanBatch`` for
/// ``OTLPExporter`` to send.
///
/// Bootstrapped by a process only when an OTLP endpoint is given; until then the code's spans
/// go to swift-distributed-tracing's no-op tracer.
public struct ReformTracer: Tracer {
  public let batch: SpanBatch

  public init(batch: SpanBatch) {
    self.batch = batch
  }

  public func startSpan<Instant: TracerInstant>(
    _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
    at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
  ) -> ReformSpan {
    var context = context()
    let identity = context.spanIdentity ?? .root()
    context.spanIdentity = identity
    return ReformSpan(
      name: operationName, kind: kind, context: context, identity: identity, start: instant().nanosecondsSinceEpoch,
      batch: batch)
  }

  public func forceFlush() {}

  /// Reform carries `traceparent` itself, where each hop chooses its ids: nothing to inject.
  public func inject<Carrier, Inject: Injector>(
    _ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject
  ) where Inject.Carrier == Carrier {}

  /// As ``inject(_:into:using:)``: nothing to extract.
  public func extract<Carrier, Extract: Extractor>(
    _ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract
  ) where Extract.Carrier == Carrier {}
}

/// One span of ``ReformTracer``: recording until ``end(at:)``, which queues it once.
public final class ReformSpan: Span {
  public let context: InstrumentationContext
  private let identity: SpanIdentity
  private let kind: SpanKind
  private let start: UInt64
  private let batch: SpanBatch
  private let state: Mutex<State>

  private struct State {
    var name: String
    var attributes: SpanAttributes = [:]
    var error: String?
    var ended = false
  }

  init(name: String, kind: SpanKind, context: InstrumentationContext, identity: SpanIdentity, start: UInt64, batch: SpanBatch) {
    self.context = context
    self.identity = identity
    self.kind = kind
    self.start = start
    self.batch = batch
    state = Mutex(State(name: name))
  }

  public var operationName: String {
    get { state.withLock { $0.name } }
    set { state.withLock { $0.name = newValue } }
  }

  public var attributes: SpanAttributes {
    get { state.withLock { $0.attributes } }
    set { state.withLock { $0.attributes = newValue } }
  }

  public var isRecording: Bool { state.withLock { !$0.ended } }

  public func setStatus(_ status: SpanStatus) {
    state.withLock { $0.error = status.code == .error ? status.message ?? "" : nil }
  }

  /// Events and links are not exported: Reform's spans are one per call, job and peer call.
  public func addEvent(_ event: SpanEvent) {}

  public func addLink(_ link: SpanLink) {}

  public func recordError<Instant: TracerInstant>(
    _ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant
  ) {
    state.withLock { $0.error = "\(error)" }
  }

  public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
    let finished: FinishedSpan? = state.withLock { state in
      guard !state.ended else { return nil }
      state.ended = true
      return FinishedSpan(
        name: state.name, kind: kind, identity: identity, startNanoseconds: start,
        endNanoseconds: instant().nanosecondsSinceEpoch, attributes: state.attributes, error: state.error)
    }
    if let finished { batch.add(finished) }
  }
}
