import Foundation
import ReformWire

/// `grpc.health.v1.Health` as the hub knows it: a module's service serves while one of its
/// workers takes calls.
extension Hub {
  /// `SERVING` for the whole server (`""`), for the coordinator's own services, and for a
  /// module's service while one of its workers is attached; nil for a service nobody serves.
  func health(of service: String) -> HealthCheckResponse.ServingStatus? {
    if service.isEmpty || [HealthService.name, AdminService.name, WorkerHubService.name].contains(service) {
      return .serving
    }
    guard let module = ModuleCatalogue.module(owning: service) else { return nil }
    return table.hasLiveWorker(module) ? .serving : .notServing
  }

  /// The service's status now and after every change, until the stream is dropped.
  func watchHealth(of service: String) -> AsyncStream<HealthCheckResponse.ServingStatus> {
    let (stream, continuation) = AsyncStream.makeStream(of: HealthCheckResponse.ServingStatus.self)
    let key = healthWatchers.add(service, continuation: continuation)
    continuation.yield(health(of: service) ?? .serviceUnknown)
    continuation.onTermination = { [weak self] _ in Task { await self?.stopWatching(key) } }
    return stream
  }

  private func stopWatching(_ key: UUID) { healthWatchers.remove(key) }

  /// Tells every health watcher its service's status, after a worker came, drained or went.
  func healthChanged() {
    healthWatchers.notify { health(of: $0) ?? .serviceUnknown }
  }
}
