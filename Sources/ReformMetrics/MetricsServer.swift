import Hummingbird
import Logging
import Metrics
import Prometheus
import ReformKit
import ServiceLifecycle

/// The process's metrics in Prometheus's text format at `GET /metrics`, on an HTTP listener of
/// their own: whatever the process records through swift-metrics, and its resident memory.
public enum ReformMetrics {
  /// Makes swift-metrics record into a new Prometheus registry, once per process, and returns
  /// that registry. Call durations go in buckets from 1 ms to a minute; the metrics of
  /// ``MetricCatalogue`` carry their help.
  public static func bootstrap() -> PrometheusCollectorRegistry {
    let registry = PrometheusCollectorRegistry()
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.defaultDurationHistogramBuckets = [
      .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5),
      .seconds(10), .seconds(30), .seconds(60),
    ]
    MetricsSystem.bootstrap(HelpedMetricsFactory(base: factory))
    return registry
  }

  /// The HTTP service that answers `GET /metrics` from `registry` at `address`; it runs in the
  /// process's service group and stops with it.
  public static func server(
    at address: MetricsAddress, registry: PrometheusCollectorRegistry, logger: Logger
  ) -> some Service {
    let memory = Gauge(label: "process_resident_memory_bytes")
    let router = Router()
    router.get("metrics") { _, _ -> Response in
      memory.record(ResidentMemory.bytes())
      var buffer: [UInt8] = []
      registry.emit(into: &buffer)
      return Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
    }
    return Application(
      router: router, configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: nil),
      logger: logger)
  }
}
