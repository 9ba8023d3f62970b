import GRPCCore
import Metrics
import ReformClient

/// Counts every call the coordinator serves by service, method and final status, and times it
/// from its arrival to its last message: `reform_rpc_calls_total` and
/// `reform_rpc_duration_seconds`. Only registered methods reach an interceptor, so the labels
/// are bounded by the services the coordinator serves, whatever a caller sends.
struct CallMetrics: ServerInterceptor {
  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let started = ContinuousClock.now
    let service = context.descriptor.service.fullyQualifiedService
    let method = context.descriptor.method
    @Sendable func record(_ code: RPCError.Code?) {
      Self.record(service: service, method: method, code: code, duration: ContinuousClock.now - started)
    }
    var response: StreamingServerResponse<Output>
    do {
      response = try await next(request, context)
    } catch {
      record((error as? RPCError)?.code ?? .unknown)
      throw error
    }
    switch response.accepted {
    case .failure(let error):
      record(error.code)
    case .success(var contents):
      let producer = contents.producer
      contents.producer = { writer in
        do {
          let trailers = try await producer(writer)
          record(nil)
          return trailers
        } catch {
          record((error as? RPCError)?.code ?? (error as? any RPCErrorConvertible)?.rpcErrorCode ?? .unknown)
          throw error
        }
      }
      response.accepted = .success(contents)
    }
    return response
  }

  static func record(service: String, method: String, code: RPCError.Code?, duration: Duration) {
    let name = code.map { ReformError.Code($0).description } ?? "OK"
    Counter(label: "reform_rpc_calls_total", dimensions: [("service", service), ("method", method), ("code", name)])
      .increment()
    Timer(label: "reform_rpc_duration_seconds", dimensions: [("service", service), ("method", method)])
      .record(duration: duration)
  }
}

extension Hub {
  /// Sets the gauges of each module's queue, workers and calls in flight. Every module has its
  /// series, at zero when it has no worker, so that an alert on "no worker" has a series to see.
  func recordGauges() {
    let now = clock.now
    for module in ModuleCatalogue.modules {
      let dimensions = [("module", module)]
      let members = table.workers.values.filter { $0.module == module }
      let queued = table.calls.values.filter { $0.module == module && $0.isQueued }
      let oldest = queued.compactMap { jobs[$0.id]?.submitted }.min().map { now - $0 } ?? .zero
      Gauge(label: "reform_queue_depth", dimensions: dimensions).record(table.queueDepth(of: module))
      Gauge(label: "reform_queue_oldest_age_seconds", dimensions: dimensions).record(oldest.inSeconds)
      Gauge(label: "reform_jobs_in_flight", dimensions: dimensions)
        .record(table.calls.values.filter { $0.module == module && !$0.isQueued }.count)
      Gauge(label: "reform_workers", dimensions: dimensions + [("state", "attached")])
        .record(members.filter { !$0.isDraining }.count)
      Gauge(label: "reform_workers", dimensions: dimensions + [("state", "draining")])
        .record(members.filter(\.isDraining).count)
    }
  }
}
