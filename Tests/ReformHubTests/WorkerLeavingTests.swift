import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ReformWire
import Synchronization
import Testing

/// A worker given SIGTERM stops in time whatever its coordinator does: `reformd up` kills what
/// has not stopped ten seconds after SIGTERM, and a killed worker loses what it had not sent.
@Suite(.timeLimit(.minutes(2)))
struct WorkerLeavingTests {
  /// A coordinator that welcomes a worker and then never closes its side: one that is itself
  /// stopping, or stuck. The worker says it is leaving, closes its own side, waits a grace,
  /// and exits 0 rather than waiting to be killed.
  @Test func aWorkerLeavesAHubThatNeverClosesTheStream() async throws {
    let cluster = try Cluster()
    let hub = SilentHub()
    let transport = HTTP2ServerTransport.Posix(address: .unixDomainSocket(path: cluster.socket), transportSecurity: .plaintext)
    try await withGRPCServer(transport: transport, services: [hub]) { _ in
      let worker = try cluster.startWorker()
      let deadline = ContinuousClock.now + .seconds(30)
      while !hub.seen.withLock({ $0.contains("hello") }) {
        guard ContinuousClock.now < deadline, worker.isRunning else { throw ClusterError(description: "the worker never said hello") }
        try await Task.sleep(for: .milliseconds(20))
      }
      kill(worker.processIdentifier, SIGTERM)
      let limit = ContinuousClock.now + .seconds(10)
      while worker.isRunning, ContinuousClock.now < limit { try await Task.sleep(for: .milliseconds(50)) }
      #expect(!worker.isRunning, "the worker was still running 10 s after SIGTERM")
      if worker.isRunning { kill(worker.processIdentifier, SIGKILL) }
      worker.waitUntilExit()
      #expect(worker.terminationStatus == 0)
      #expect(hub.seen.withLock { $0.contains("leaving") }, "the worker did not say it was leaving")
      #expect(hub.seen.withLock { $0.contains("end") }, "the worker did not close its side of the stream")
      hub.released.withLock { $0 = true }
    }
  }
}

/// `WorkerHub.Attach` that welcomes every worker, records what each sends, and never ends the
/// response stream.
private final class SilentHub: RegistrableRPCService, Sendable {
  let seen = Mutex<[String]>([])
  let released = Mutex(false)

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerHandler(
      forMethod: WorkerHubService.Attach.descriptor,
      deserializer: WireDeserializer<WorkerFrame>(),
      serializer: WireSerializer<HubFrame>()
    ) { request, _ in
      StreamingServerResponse { writer in
        for try await frame in request.messages {
          switch frame.frame {
          case .hello:
            self.seen.withLock { $0.append("hello") }
            try await writer.write(HubFrame(frame: .welcome(HubWelcome(workerId: "silent-1", heartbeatIntervalMs: 1_000))))
          case .leaving: self.seen.withLock { $0.append("leaving") }
          default: break
          }
        }
        self.seen.withLock { $0.append("end") }
        // Held open until the test has seen what the worker does.
        while !self.released.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(50)) }
        return [:]
      }
    }
  }
}
