import GRPCCore
import ReformWire

/// `reform.v1.WorkerHub`: workers dial in and attach over one bidirectional stream; the first
/// frame must be a hello, then jobs flow down and results, items and heartbeats flow up.
struct WorkerHubEndpoint: RegistrableRPCService {
  let hub: Hub
  let gatekeeper: Gatekeeper
  /// Records refused attaches: a credential used for a module it does not name is an event.
  let auditor: Auditor

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerHandler(
      forMethod: WorkerHubService.Attach.descriptor,
      deserializer: WireDeserializer<WorkerFrame>(),
      serializer: WireSerializer<HubFrame>()
    ) { request, context in
      StreamingServerResponse { writer in
        try await attach(
          request, peer: context.remotePeer, certificate: ServerTLS.peerCertificateSHA256(context), writer: writer)
        return [:]
      }
    }
  }

  private func attach(
    _ request: StreamingServerRequest<WorkerFrame>, peer: String, certificate: [UInt8]?, writer: RPCWriter<HubFrame>
  ) async throws {
    // Credits, drains and pings go ahead of jobs waiting to be written (PriorityOutbox).
    let outbound = PriorityOutbox<HubFrame>()
    let hub = self.hub
    let gatekeeper = self.gatekeeper
    let auditor = self.auditor
    // Whichever side ends first (the worker's stream, or the hub dropping the worker) ends both.
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        while let frame = await outbound.next() { try await writer.write(frame) }
      }
      group.addTask {
        var workerID: String?
        defer { outbound.finish() }
        do {
          for try await frame in request.messages {
            if let id = workerID {
              await hub.receive(frame, from: id)
            } else if case .hello(let hello)? = frame.frame {
              do throws(Gatekeeper.Refusal) {
                _ = try await gatekeeper.admitWorker(hello, certificate: certificate, peer: peer)
              } catch {
                await auditor.recordRefusal(WorkerHubService.Attach.info, refusal: error, peer: peer, target: String(hello.module.prefix(64)))
                throw error.error
              }
              workerID = try await hub.attach(hello, address: peer, outbound: outbound)
            } else {
              throw RPCError(code: .invalidArgument, message: "the first frame of WorkerHub.Attach must be a hello")
            }
          }
          if let id = workerID { await hub.detach(id, reason: "the worker closed its stream") }
        } catch {
          if let id = workerID { await hub.detach(id, reason: "the worker's stream failed: \(error)") }
          throw error
        }
      }
      try await group.next()
      group.cancelAll()
    }
  }
}
