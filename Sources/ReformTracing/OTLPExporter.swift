import Foundation
import Logging
import ReformClient
import ReformWire
import ServiceLifecycle
import Synchronization
import Tracing

/// Sends the finished spans of a ``SpanBatch`` to an OTLP/gRPC collector
/// (`opentelemetry.proto.collector.trace.v1.TraceService/Export`): every ``interval``, and once
/// more at shutdown.
///
/// Written on Reform's own generated messages rather than swift-otel's exporter, because
/// libprotobuf-c is the process's only protobuf runtime. A collector that is down or slow
/// costs the spans of the batch it was sent, nothing else: an export has a timeout, its
/// failure is logged at most once per ``warningInterval`` with the count since, and the calls
/// that end spans never wait for it (``SpanBatch`` drops when full).
public struct OTLPExporter: Service {
  public let endpoint: OTLPEndpoint
  public let batch: SpanBatch
  /// The resource every span is sent under: `service.name`, `service.instance.id`.
  public let resource: [(String, String)]
  public var interval: Duration = .seconds(1)
  /// Spans in one export request at most.
  public var spansPerRequest = 512
  /// How long one export may take.
  public var timeout: Duration = .seconds(5)
  public var warningInterval: Duration = .seconds(60)
  let logger: Logger

  /// - Parameters:
  ///   - serviceName: `service.name`, e.g. `reform-coordinator` or `reform-worker-registry`.
  ///   - instanceID: `service.instance.id`, this process's.
  public init(endpoint: OTLPEndpoint, batch: SpanBatch, serviceName: String, instanceID: String, logger: Logger) {
    self.endpoint = endpoint
    self.batch = batch
    self.resource = [("service.name", serviceName), ("service.instance.id", instanceID)]
    self.logger = logger
  }

  /// Exports until graceful shutdown, then exports what is left and returns. Never throws: an
  /// endpoint that cannot be dialled at all is logged, and the process runs on without export.
  public func run() async {
    do {
      try await connectAndExport()
    } catch {
      logger.error("spans will not be exported", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
      try? await gracefulShutdown()
    }
  }

  /// Bootstraps ``ReformTracer`` as the process's tracer, with a queue of `capacity` spans,
  /// and returns the exporter of its spans, to run in the process's service group.
  public static func bootstrap(
    endpoint: OTLPEndpoint, serviceName: String, capacity: Int = 4096, logger: Logger
  ) -> OTLPExporter {
    let batch = SpanBatch(capacity: capacity)
    InstrumentationSystem.bootstrap(ReformTracer(batch: batch))
    return OTLPExporter(
      endpoint: endpoint, batch: batch, serviceName: serviceName, instanceID: UUID().uuidString.lowercased(), logger: logger)
  }

  private func connectAndExport() async throws {
    try await ReformClient.connect(to: endpoint.address, tls: endpoint.usesTLS ? ClientTLS() : nil, insecure: true) { client in
      let failures = FailureLog(interval: warningInterval)
      try? await cancelWhenGracefulShutdown {
        while !Task.isCancelled {
          try await Task.sleep(for: interval)
          await export(with: client, failures: failures)
        }
      }
      await export(with: client, failures: failures)
    }
  }

  /// Sends everything queued, a request of at most ``spansPerRequest`` spans at a time; a
  /// request that fails loses its spans.
  private func export(with client: ReformClient, failures: FailureLog) async {
    while true {
      let spans = batch.take(atMost: spansPerRequest)
      guard !spans.isEmpty else { return }
      do {
        _ = try await client.call(
          OTLPTraceService.Export.self, FinishedSpan.exportRequest(spans, resource: resource), timeout: timeout)
      } catch {
        if let lost = failures.lose(spans.count) {
          logger.warning(
            "spans could not be exported",
            metadata: ["endpoint": "\(endpoint)", "error": "\(error)", "lost": "\(lost)", "dropped": "\(batch.dropped)"])
        }
        return
      }
    }
  }
}

/// Counts spans lost to failed exports, and says when a warning is due: at most one per
/// interval, with the count since the last.
final class FailureLog: Sendable {
  private let interval: Duration
  private let state = Mutex<(lost: Int, lastWarning: ContinuousClock.Instant?)>((0, nil))

  init(interval: Duration) {
    self.interval = interval
  }

  /// Counts `count` lost spans; returns the count to warn of when a warning is due, else nil.
  func lose(_ count: Int) -> Int? {
    state.withLock { state in
      state.lost += count
      let now = ContinuousClock.now
      guard state.lastWarning.map({ now - $0 >= interval }) ?? true else { return nil }
      defer { state = (0, now) }
      return state.lost
    }
  }
}
