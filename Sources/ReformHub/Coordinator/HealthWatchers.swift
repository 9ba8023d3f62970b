import Foundation
import ReformWire

/// The open `grpc.health.v1.Health/Watch` streams, each with the service it watches: the hub
/// tells them all when a worker comes, drains or goes, and each hears its own service's status.
struct HealthWatchers {
  private var watchers: [UUID: (service: String, continuation: AsyncStream<HealthCheckResponse.ServingStatus>.Continuation)] = [:]

  /// Adds a watcher of `service`; returns the key that ``remove(_:)`` takes.
  mutating func add(
    _ service: String, continuation: AsyncStream<HealthCheckResponse.ServingStatus>.Continuation
  ) -> UUID {
    let key = UUID()
    watchers[key] = (service, continuation)
    return key
  }

  mutating func remove(_ key: UUID) { watchers[key] = nil }

  /// Sends each watcher its service's status now, as `status(service)` gives it.
  func notify(_ status: (String) -> HealthCheckResponse.ServingStatus) {
    for watcher in watchers.values { watcher.continuation.yield(status(watcher.service)) }
  }
}
