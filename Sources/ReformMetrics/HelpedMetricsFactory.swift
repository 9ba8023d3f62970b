import CoreMetrics
import Prometheus

/// swift-prometheus's factory, but each metric of ``MetricCatalogue`` is registered with its
/// help text, so that the exposition has the `# HELP` lines Prometheus's linter asks for.
struct HelpedMetricsFactory: MetricsFactory {
  let base: PrometheusMetricsFactory

  private var registry: PrometheusCollectorRegistry { base.registry }

  private func described(_ label: String) -> MetricNameDescriptor? {
    MetricCatalogue.help[label].map { MetricNameDescriptor(metricName: label, unitName: "", helpText: $0) }
  }

  func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
    guard let descriptor = described(label) else { return base.makeCounter(label: label, dimensions: dimensions) }
    return registry.makeCounter(descriptor: descriptor, labels: dimensions)
  }

  func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
    guard let descriptor = described(label) else { return base.makeFloatingPointCounter(label: label, dimensions: dimensions) }
    return registry.makeCounter(descriptor: descriptor, labels: dimensions)
  }

  func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
    guard !aggregate, let descriptor = described(label) else {
      return base.makeRecorder(label: label, dimensions: dimensions, aggregate: aggregate)
    }
    return registry.makeGauge(descriptor: descriptor, labels: dimensions)
  }

  func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
    guard let descriptor = described(label) else { return base.makeMeter(label: label, dimensions: dimensions) }
    return registry.makeGauge(descriptor: descriptor, labels: dimensions)
  }

  func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
    guard let descriptor = described(label) else { return base.makeTimer(label: label, dimensions: dimensions) }
    return registry.makeDurationHistogram(
      descriptor: descriptor, labels: dimensions, buckets: base.defaultDurationHistogramBuckets)
  }

  func destroyCounter(_ handler: any CounterHandler) { base.destroyCounter(handler) }
  func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) { base.destroyFloatingPointCounter(handler) }
  func destroyRecorder(_ handler: any RecorderHandler) { base.destroyRecorder(handler) }
  func destroyMeter(_ handler: any MeterHandler) { base.destroyMeter(handler) }
  func destroyTimer(_ handler: any TimerHandler) { base.destroyTimer(handler) }
}
