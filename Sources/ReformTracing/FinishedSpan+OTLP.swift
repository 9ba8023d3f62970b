import ReformWire
import Tracing

extension FinishedSpan {
  /// The span as OTLP sends it.
  var otlp: OTLPSpan {
    OTLPSpan(
      traceId: Self.bytes(ofHex: identity.own.traceID),
      spanId: Self.bytes(ofHex: identity.own.parentID),
      parentSpanId: identity.parentSpanID.map(Self.bytes(ofHex:)) ?? [],
      flags: UInt32(identity.own.flags),
      name: name,
      kind: Self.otlp(kind),
      startTimeUnixNano: startNanoseconds,
      endTimeUnixNano: endNanoseconds,
      attributes: attributes.map { OTLPKeyValue(key: $0.key, value: $0.value.otlp) },
      droppedAttributesCount: UInt32(droppedAttributes),
      status: OTLPStatus(message: error ?? "", code: error == nil ? .unset : .error))
  }

  /// A request that exports `spans` under one resource: the process's `attributes`.
  static func exportRequest(_ spans: [FinishedSpan], resource attributes: [(String, String)]) -> OTLPExportTraceServiceRequest {
    OTLPExportTraceServiceRequest(resourceSpans: [
      OTLPResourceSpans(
        resource: OTLPResource(attributes: attributes.map { OTLPKeyValue(key: $0.0, value: OTLPAnyValue(value: .stringValue($0.1))) }),
        scopeSpans: [OTLPScopeSpans(scope: OTLPInstrumentationScope(name: "reform"), spans: spans.map(\.otlp))])
    ])
  }

  private static func otlp(_ kind: SpanKind) -> OTLPSpan.SpanKind {
    switch kind {
    case .server: .server
    case .client: .client
    case .producer: .producer
    case .consumer: .consumer
    default: .internal
    }
  }

  /// The bytes of a hex id, as `TraceParent` keeps it (lowercase, even length).
  static func bytes(ofHex hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count - 1, by: 2).map { index in
      UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) ?? 0
    }
  }
}

extension FinishedSpan.Value {
  var otlp: OTLPAnyValue {
    switch self {
    case .string(let text): OTLPAnyValue(value: .stringValue(text))
    case .int(let number): OTLPAnyValue(value: .intValue(number))
    case .bool(let flag): OTLPAnyValue(value: .boolValue(flag))
    case .double(let number): OTLPAnyValue(value: .doubleValue(number))
    }
  }
}
