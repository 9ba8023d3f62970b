import GRPCCore
import ReformTracing
import ReformWire
import Tracing

/// The span of one call: as the coordinator serves it (`server`), as a worker runs it as a
/// job (`server`), or as a module makes it to another (`client`). Its attributes are the
/// method and the final gRPC status code, never the caller, the unit or the request.
///
/// With no tracer bootstrapped (no `--otlp-endpoint`) the span is swift-distributed-tracing's
/// no-op.
enum CallSpan {
  /// Starts the span of `method` with the ids of `identity`.
  static func start(_ method: WireMethodInfo, identity: SpanIdentity, kind: SpanKind) -> any Span {
    let span = InstrumentationSystem.tracer.startSpan(
      method.descriptor.fullyQualifiedMethod, context: identity.context, ofKind: kind)
    span.updateAttributes { attributes in
      attributes["rpc.system"] = "grpc"
      attributes["rpc.service"] = method.descriptor.service.fullyQualifiedService
      attributes["rpc.method"] = method.descriptor.method
    }
    return span
  }

  /// Ends `span` with the call's final status: `code` nil for OK.
  static func end(_ span: any Span, code: RPCError.Code?) {
    end(span, status: code.map { Status.Code($0) } ?? .ok)
  }

  /// Ends `span` with the call's final status.
  static func end(_ span: any Span, status: Status.Code) {
    span.attributes["rpc.grpc.status_code"] = status.rawValue
    if status != .ok { span.setStatus(SpanStatus(code: .error, message: "\(status)")) }
    span.end()
  }
}
