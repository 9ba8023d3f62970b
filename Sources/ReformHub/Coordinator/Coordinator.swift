import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import ReformSecurity
import ReformWire
import ServiceLifecycle

/// The coordinator: Reform's one front door. It serves `WorkerHub`, `Admin`,
/// `grpc.health.v1.Health` and gRPC server reflection itself and forwards every method of
/// every module service to a worker of that module, on every endpoint it listens on.
public struct Coordinator: Service {
  public let configuration: CoordinatorConfiguration
  private let logger: Logger

  public init(configuration: CoordinatorConfiguration, logger: Logger) {
    self.configuration = configuration
    self.logger = logger
  }

  /// Serves until the task is cancelled or a graceful shutdown is asked for, then stops
  /// accepting calls and returns once the calls in progress have ended.
  public func run() async throws {
    let hub = Hub(
      configuration: Hub.Configuration(
        queueCapacity: configuration.queueCapacity, attachWait: configuration.attachWait,
        heartbeatInterval: configuration.heartbeatInterval, silenceLimit: configuration.silenceLimit, version: ReformVersion.current,
        streams: configuration.streams, largestResponse: configuration.maxRequestBytes * 2 + 65_536),
      logger: logger)
    let info = AdminCoordinatorInfo(
      version: ReformVersion.current, pid: getpid(), host: ProcessInfo.processInfo.hostName,
      startedAt: .now, listenAddresses: configuration.listen.map(\.description))
    let security = configuration.security
    let gatekeeper = Gatekeeper(
      tokens: try TokenStore(store: configuration.tokenStore), policy: .reform,
      workerSecretHash: configuration.workerSecret.map(Gatekeeper.hash(workerSecret:)),
      rateLimiter: RateLimiter(rate: configuration.rateLimit.perSecond, burst: configuration.rateLimit.burst),
      workerSecretsPath: security.workerSecretsPath,
      failureLimiter: RateLimiter(rate: security.failedAuthentications.perSecond, burst: security.failedAuthentications.burst))
    if configuration.workerSecret == nil && security.workerSecretsPath == nil {
      logger.warning("no worker secret is configured: only workers with a bound certificate can attach")
    }
    let auditor = Auditor(
      log: try AuditLog(store: configuration.auditStore), logger: logger, denialWindow: security.denialWindow)
    let services: [any RegistrableRPCService] = [
      WorkerHubEndpoint(hub: hub, gatekeeper: gatekeeper, auditor: auditor),
      HealthEndpoint(hub: hub, maxRequestBytes: configuration.maxRequestBytes),
      ReflectionEndpoint(catalogue: .served, maxRequestBytes: configuration.maxRequestBytes),
      AdminEndpoint(
        hub: hub, gatekeeper: gatekeeper, auditor: auditor, coordinator: info, maxRequestBytes: configuration.maxRequestBytes),
      ForwardingService(
        hub: hub, gatekeeper: gatekeeper, auditor: auditor, maxRequestBytes: configuration.maxRequestBytes,
        maxDeadline: configuration.maxDeadline),
    ]
    let servers = configuration.listen.map { endpoint in
      if let path = endpoint.unixPath { try? FileManager.default.removeItem(atPath: path) }
      var config = HTTP2ServerTransport.Posix.Config.defaults
      // The transport resets a stream whose message is over its limit, which a caller sees as
      // UNAVAILABLE; so it takes up to twice ours, and the coordinator itself refuses what is
      // over ours with RESOURCE_EXHAUSTED naming the limit.
      config.rpc.maxRequestPayloadSize = configuration.maxRequestBytes * 2 + 65_536
      config.http2.maxConcurrentStreams = configuration.maxConcurrentStreams
      config.channelDebuggingCallbacks.onAcceptHTTP2Stream = GRPCTimeoutFilter.install
      return (endpoint, GRPCServer(
        transport: .http2NIOPosix(
          address: endpoint.serverAddress,
          transportSecurity: endpoint.unixPath == nil ? configuration.tls?.transportSecurity ?? .plaintext : .plaintext,
          config: config),
        services: services, interceptors: [CallMetrics()]))
    }
    // Detaches workers that stopped heart-beating, for as long as the servers run.
    let reaper = Task {
      while !Task.isCancelled {
        try? await Task.sleep(for: configuration.heartbeatInterval)
        await hub.reapSilentWorkers()
      }
    }
    defer { reaper.cancel() }
    // Sets the queue, worker and in-flight gauges once a second (for a process whose metrics
    // nobody bootstrapped, swift-metrics drops them at no cost).
    let gauges = Task {
      while !Task.isCancelled {
        await hub.recordGauges()
        try? await Task.sleep(for: .seconds(1))
      }
    }
    defer { gauges.cancel() }
    // Writes the counts of refused calls as their windows close, and what is left at the end.
    let denialFlusher = Task {
      while !Task.isCancelled {
        try? await Task.sleep(for: .seconds(1))
        await auditor.flushDenials()
      }
      await auditor.flushDenials(all: true)
    }
    defer { denialFlusher.cancel() }
    // Ends the open streams whose token was revoked or expired since they were admitted.
    let credentialChecks = Task {
      while !Task.isCancelled {
        try? await Task.sleep(for: configuration.streams.credentialCheck)
        for (id, check) in await hub.streamCredentials() {
          if let error = await check() { await hub.end(id, with: error) }
        }
      }
    }
    defer { credentialChecks.cancel() }
    try await withGracefulShutdownHandler {
      try await withThrowingTaskGroup(of: Void.self) { group in
        // The hub's one timer: ends the calls that waited too long for a worker. It runs for as
        // long as the servers do.
        group.addTask { await hub.runTimer() }
        try await withThrowingDiscardingTaskGroup { serving in
          for (endpoint, server) in servers {
            serving.addTask { try await server.serve() }
            serving.addTask {
              if let address = try await server.listeningAddress {
                logger.info("listening", metadata: ["endpoint": "\(endpoint)", "address": "\(address)"])
              }
            }
          }
        }
        group.cancelAll()
      }
    } onGracefulShutdown: {
      logger.info("coordinator shutting down")
      // Open streams are ended first, so that each caller reads their UNAVAILABLE before the
      // servers stop taking calls and close their connections.
      Task {
        await hub.endStreams(because: "the coordinator is shutting down")
        for (_, server) in servers { server.beginGracefulShutdown() }
        await hub.releaseWorkersWhenIdle()
      }
    }
    // The calls have ended: what is still counted of their refusals is written before returning.
    denialFlusher.cancel()
    await denialFlusher.value
  }
}
