import ArgumentParser
import Logging
import ReformTracing
import ServiceLifecycle

/// `--otlp-endpoint`: where a coordinator or a worker sends its spans, over OTLP/gRPC. Off
/// unless given; without it no tracer is bootstrapped.
struct TracingOptions: ParsableArguments {
  @Option(help: "Send spans over OTLP/gRPC to this collector: http://HOST:PORT or https://HOST:PORT (port 4317 when left out). Off unless given.")
  var otlpEndpoint: String?

  /// The checked endpoint, or nil when tracing is off.
  func endpoint() throws -> OTLPEndpoint? {
    guard let otlpEndpoint else { return nil }
    do {
      return try OTLPEndpoint(parsing: otlpEndpoint)
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// Bootstraps the process's tracer and returns the service that exports its spans, as
  /// `serviceName`, when asked for.
  func services(serviceName: String, logger: Logger) throws -> [any Service] {
    guard let endpoint = try endpoint() else { return [] }
    logger.info("exporting spans", metadata: ["endpoint": "\(endpoint)", "service": "\(serviceName)"])
    return [OTLPExporter.bootstrap(endpoint: endpoint, serviceName: serviceName, logger: logger)]
  }
}
