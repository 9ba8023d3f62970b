import ArgumentParser
import Logging
import ReformMetrics
import ServiceLifecycle

/// `--metrics-listen` and `--metrics-public`: where a coordinator or a worker serves its
/// Prometheus metrics, on an HTTP listener apart from gRPC. Off unless given.
struct MetricsOptions: ParsableArguments {
  @Option(help: "Serve Prometheus metrics at http://ADDRESS/metrics: PORT (on 127.0.0.1), HOST:PORT or [IPv6]:PORT. Off unless given.")
  var metricsListen: String?

  @Flag(help: "Allow --metrics-listen on an address other than loopback (the listener has no TLS).")
  var metricsPublic = false

  /// The checked address, or nil when metrics are off.
  func address() throws -> MetricsAddress? {
    guard let metricsListen else { return nil }
    do {
      return try MetricsAddress(parsing: metricsListen, allowPublic: metricsPublic)
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// Bootstraps the process's metrics and returns the service that serves them, when asked for.
  func services(logger: Logger) throws -> [any Service] {
    guard let address = try address() else { return [] }
    logger.info("serving metrics", metadata: ["address": "http://\(address)/metrics"])
    return [ReformMetrics.server(at: address, registry: ReformMetrics.bootstrap(), logger: logger)]
  }
}
