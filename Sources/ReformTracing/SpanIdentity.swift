import ReformKit
import Tracing

/// The ids a span takes from Reform's `traceparent`, so that the spans of every hop form one
/// tree: ``own`` is the trace as the span's children see it (its `parentID` is this span's
/// id), ``parentSpanID`` the span that called it, nil at the root of a trace.
///
/// A caller puts one in the context it starts a span with (``Tracing/InstrumentationContext/spanIdentity``);
/// ``ReformTracer`` reads it.
public struct SpanIdentity: Sendable, Hashable {
  /// The trace id, this span's id (as `parentID`) and the trace's flags.
  public var own: TraceParent
  /// The span that called this one: 16 hex digits, or nil for a trace's first span.
  public var parentSpanID: String?

  public init(own: TraceParent, parentSpanID: String?) {
    self.own = own
    self.parentSpanID = parentSpanID
  }

  /// A span called from `parent`'s span: the same trace, a new span id.
  public static func child(of parent: TraceParent) -> SpanIdentity {
    var random = SystemRandomNumberGenerator()
    return SpanIdentity(own: parent.child(using: &random), parentSpanID: parent.parentID)
  }

  /// The first span of a new trace.
  public static func root() -> SpanIdentity {
    var random = SystemRandomNumberGenerator()
    return SpanIdentity(own: .start(using: &random), parentSpanID: nil)
  }

  /// A context that starts a span with these ids.
  public var context: InstrumentationContext {
    var context = InstrumentationContext.topLevel
    context.spanIdentity = self
    return context
  }
}

private enum SpanIdentityKey: InstrumentationContextKey {
  typealias Value = SpanIdentity
}

extension InstrumentationContext {
  /// The ids of the span this context belongs to, or is to start.
  public var spanIdentity: SpanIdentity? {
    get { self[SpanIdentityKey.self] }
    set { self[SpanIdentityKey.self] = newValue }
  }
}
