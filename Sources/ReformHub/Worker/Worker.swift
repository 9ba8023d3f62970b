import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import ReformModule
import ReformWire
import ServiceLifecycle

/// A worker: hosts one module, dials its coordinator and attaches over `WorkerHub.Attach`,
/// runs the jobs it is sent up to its capacity, heart-beats, and reconnects with backoff when
/// the coordinator goes away.
public struct Worker: Service {
  public let module: any WorkerModule
  public let configuration: WorkerConfiguration
  private let logger: Logger

  public init(module: any WorkerModule, configuration: WorkerConfiguration, logger: Logger) {
    self.module = module
    self.configuration = configuration
    self.logger = logger
  }

  /// Serves until cancelled, or until a graceful shutdown: then it tells the hub it is
  /// leaving, takes no new job, finishes those it has, and returns.
  public func run() async throws {
    var methods = ModuleMethods()
    module.register(into: &methods)
    let identity = WorkerIdentity(
      id: "", module: module.name, pid: getpid(), host: ProcessInfo.processInfo.hostName, version: ReformVersion.current)
    let session = WorkerSession(methods: methods, identity: identity)
    let hello = WorkerHello(
      module: module.name, methods: methods.paths, capacity: Int32(configuration.capacity),
      version: ReformVersion.current, pid: identity.pid, host: identity.host, workerSecret: configuration.secret,
      instanceId: UUID().uuidString)

    await withGracefulShutdownHandler {
      var backoff = configuration.reconnectBackoff.first
      while !Task.isCancelled, !(await session.isLeaving) {
        let attached = await attachOnce(hello: hello, session: session)
        if await session.isLeaving { break }
        if attached { backoff = configuration.reconnectBackoff.first }
        let jittered = backoff * Double.random(in: 0.8...1.2)
        logger.info("coordinator unreachable; retrying", metadata: ["in_ms": "\(jittered.inMilliseconds)"])
        // Told to stop while it waits to dial again, it stops at once.
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: jittered) }
        backoff = min(backoff * 2, configuration.reconnectBackoff.longest)
      }
    } onGracefulShutdown: {
      Task { await session.leave() }
    }
    logger.info("worker stopped")
  }

  /// The largest hub frame a worker takes: the most a gRPC length prefix can say. The
  /// coordinator, which the worker secret authenticates, has already bounded the request.
  static let largestFrame = Int(UInt32.max)

  /// How long a worker that has left (told to stop, every job finished and its results sent
  /// on) waits for the hub to close the stream before it closes it itself. The hub normally
  /// closes it at once; one that is itself stopping, or gone without a word, must not hold the
  /// worker up until it is killed.
  static let leftGrace = Duration.seconds(2)

  /// One attachment, from dialling to the end of the stream, ended by the worker itself
  /// ``leftGrace`` after it has left. Returns whether it got as far as a welcome.
  private func attachOnce(hello: WorkerHello, session: WorkerSession) async -> Bool {
    await withTaskGroup(of: Bool?.self) { group in
      group.addTask { await attachment(hello: hello, session: session) }
      group.addTask {
        do {
          // Left, and still left a grace later (a job the hub sent before it heard may start).
          while true {
            try await Task.sleep(for: .milliseconds(100))
            guard await session.hasLeft else { continue }
            try await Task.sleep(for: Self.leftGrace)
            if await session.hasLeft { break }
          }
        } catch {
          return nil
        }
        logger.warning("the coordinator kept the stream open after this worker left; closing it")
        return nil
      }
      var welcomed = false
      if let first = await group.next(), let value = first { welcomed = value }
      group.cancelAll()
      while let next = await group.next() { if let value = next { welcomed = value } }
      return welcomed
    }
  }

  private func attachment(hello: WorkerHello, session: WorkerSession) async -> Bool {
    var transportConfig = HTTP2ClientTransport.Posix.Config.defaults
    transportConfig.backoff = .init(initial: .milliseconds(100), max: .seconds(1), multiplier: 1.6, jitter: 0.2)
    let outbound = PriorityOutbox<WorkerFrame>()
    var welcomed = false
    do {
      let transport = try HTTP2ClientTransport.Posix(
        target: configuration.coordinator.clientTarget,
        transportSecurity: configuration.tls?.transportSecurity ?? .plaintext, config: transportConfig)
      welcomed = try await withGRPCClient(transport: transport) { client in
        await session.connected(outbound)
        var options = CallOptions.defaults
        options.waitForReady = false
        // A job frame carries the caller's request whole, up to the coordinator's
        // --max-request-bytes (64 MiB by default); over the transport's 4 MiB default the
        // stream would be reset, and the job re-sent to the next worker, which resets too.
        // The transport checks the frames a client receives against maxRequestMessageBytes.
        options.maxRequestMessageBytes = Self.largestFrame
        options.maxResponseMessageBytes = Self.largestFrame
        return try await client.bidirectionalStreaming(
          request: StreamingClientRequest(of: WorkerFrame.self) { writer in
            try await writer.write(WorkerFrame(frame: .hello(hello)))
            while let frame = await outbound.next() { try await writer.write(frame) }
          },
          descriptor: WorkerHubService.Attach.descriptor,
          serializer: WireSerializer<WorkerFrame>(),
          deserializer: WireDeserializer<HubFrame>(),
          options: options
        ) { response in
          try await receive(response, session: session, outbound: outbound)
        }
      }
    } catch let error as RPCError where error.code == .unauthenticated {
      // Retrying will not help until an operator fixes the secret or the certificate binding.
      logger.error("the coordinator refused this worker", metadata: ["error": "\(error.message)"])
    } catch {
      logger.debug("attachment ended", metadata: ["error": "\(error)"])
    }
    outbound.finish()
    await session.disconnected()
    return welcomed
  }

  /// Reads hub frames until the stream ends, heart-beating meanwhile.
  private func receive(
    _ response: StreamingClientResponse<HubFrame>, session: WorkerSession,
    outbound: PriorityOutbox<WorkerFrame>
  ) async throws -> Bool {
    var welcomed = false
    try await withThrowingTaskGroup(of: Void.self) { group in
      var heartbeatStarted = false
      for try await frame in response.messages {
        if case .welcome(let welcome)? = frame.frame, !heartbeatStarted {
          welcomed = true
          heartbeatStarted = true
          logger.info("attached", metadata: ["worker": "\(welcome.workerId)", "coordinator": "\(configuration.coordinator)"])
          let interval = Duration.milliseconds(max(50, Int(welcome.heartbeatIntervalMs)))
          group.addTask {
            while !Task.isCancelled {
              try await Task.sleep(for: interval)
              outbound.send(await session.heartbeat(), lane: .urgent)
            }
          }
        }
        await session.handle(frame)
      }
      group.cancelAll()
    }
    return welcomed
  }
}
