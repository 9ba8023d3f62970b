import GRPCCore
import ReformKit
import ReformModule
import ReformTracing
import ReformWire

/// Every method of every module service: each call becomes a job for a worker of the module,
/// its request bytes passed through undecoded, its answer relayed back as the worker gave it.
struct ForwardingService: RegistrableRPCService {
  let hub: Hub
  let gatekeeper: Gatekeeper
  let auditor: Auditor
  let maxRequestBytes: Int
  /// The coordinator's `--max-deadline`: no call runs longer.
  let maxDeadline: Duration

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    for module in ModuleCatalogue.modules {
      for method in ModuleCatalogue.methods(of: module) where !method.clientStreaming {
        let hub = self.hub
        let gatekeeper = self.gatekeeper
        let auditor = self.auditor
        let limit = self.maxRequestBytes
        let maxDeadline = self.maxDeadline
        router.registerHandler(
          forMethod: method.descriptor, deserializer: RawDeserializer(), serializer: RawSerializer()
        ) { request, context in
          let identity = Self.spanIdentity(of: request.metadata)
          let span = CallSpan.start(method, identity: identity, kind: .server)
          let caller: Principal?
          let ownUnit: String?
          do throws(Gatekeeper.Refusal) {
            (caller, ownUnit) = try await gatekeeper.admit(
              method, metadata: request.metadata, peerCertificate: ServerTLS.peerCertificateSHA256(context),
              peer: context.remotePeer)
          } catch {
            await auditor.recordRefusal(method, refusal: error, peer: context.remotePeer)
            CallSpan.end(span, code: error.error.code)
            throw error.error
          }
          // A stream stays open long after it was admitted: its credential is checked again
          // while it runs, and a revoked or expired token ends it.
          let metadata = request.metadata
          let certificate = ServerTLS.peerCertificateSHA256(context)
          let credential: Hub.CredentialCheck = { await gatekeeper.recheck(metadata: metadata, peerCertificate: certificate) }
          let trace = identity.own
          @Sendable func producer(_ writer: RPCWriter<[UInt8]>) async throws -> Metadata {
            let note = AuditNote()
            // The call's entry is written before any of its data reaches the caller: before a
            // unary answer, or a stream's first item. If it cannot be written, the caller gets
            // UNAVAILABLE instead of the data.
            var recorded = false
            var auditFailed = false
            let recordSuccess = {
              guard !recorded else { return }
              recorded = true
              do {
                try await auditor.record(
                  method, caller: caller, peer: context.remotePeer, note: note, error: nil, traceID: trace.traceID)
              } catch {
                auditFailed = true
                throw error
              }
            }
            do {
              try await Self.forward(
                request, method: method, module: module, caller: caller, ownUnit: ownUnit, limit: limit,
                maxDeadline: maxDeadline, hub: hub, writer: writer, note: note, credential: credential, trace: trace,
                beforeAnswer: recordSuccess)
              if recorded, method.serverStreaming, note.value != ("", "") {
                // A stream's entry went before its first item, when the module had not yet
                // said what was read: what it read (the document, the unit) is a second entry.
                try await auditor.record(
                  method, caller: caller, peer: context.remotePeer, note: note, error: nil, traceID: trace.traceID)
              } else {
                try await recordSuccess()
              }
            } catch {
              // A stream that fails after its first item has two entries: the read, and how it ended.
              if !auditFailed && (!recorded || method.serverStreaming) {
                let failure = error as? RPCError ?? RPCError(code: .unknown, message: "\(error)")
                try await auditor.record(
                  method, caller: caller, peer: context.remotePeer, note: note, error: failure, traceID: trace.traceID)
              }
              throw error
            }
            return [:]
          }
          // The call's span ends with its final status, whichever way it ends.
          return StreamingServerResponse { writer in
            do {
              let trailers = try await producer(writer)
              CallSpan.end(span, code: nil)
              return trailers
            } catch {
              CallSpan.end(span, code: (error as? RPCError)?.code ?? .unknown)
              throw error
            }
          }
        }
      }
    }
  }

  private static func forward(
    _ request: StreamingServerRequest<[UInt8]>, method: WireMethodInfo, module: String, caller: Principal?, ownUnit: String?,
    limit: Int, maxDeadline: Duration, hub: Hub, writer: RPCWriter<[UInt8]>, note: AuditNote,
    credential: @escaping Hub.CredentialCheck, trace: TraceParent, beforeAnswer: () async throws -> Void
  ) async throws {
    var payload: [UInt8]?
    for try await message in request.messages {
      guard payload == nil else {
        throw RPCError(code: .invalidArgument, message: "\(method.path) takes exactly one request message")
      }
      payload = message
    }
    guard let payload else {
      throw RPCError(code: .invalidArgument, message: "\(method.path) takes exactly one request message; none was sent")
    }
    guard payload.count <= limit else { throw RPCError.requestTooLarge(payload.count, limit: limit) }
    let (id, events) = try await hub.submit(
      method: method, module: module, payload: payload, timeout: GRPCTimeout.deadline(of: request.metadata, maximum: maxDeadline), caller: caller,
      ownUnitLimit: ownUnit, credential: credential, traceParent: trace.description)
    // gRPC does not cancel a handler's task when its caller goes away or its deadline passes:
    // it calls `onCancelRPC`. A stream may wait for its next item for ever (a watch), so its job
    // is cancelled then, in the worker too; a unary call ends by itself.
    try await withRPCCancellationHandler {
      try await relay(events, of: id, method: method, hub: hub, writer: writer, note: note, beforeAnswer: beforeAnswer)
    } onCancelRPC: {
      if method.serverStreaming { Task { await hub.cancel(id, reason: "the caller went away or its deadline passed") } }
    }
  }

  /// The ids of the coordinator's span of the call, whose trace the job runs under: a child of
  /// the caller's `traceparent` when it reads as W3C Trace Context says, else the first span of
  /// a new trace (as the specification asks of a reader that cannot use what it got). The
  /// worker's parent is this span.
  private static func spanIdentity(of metadata: Metadata) -> SpanIdentity {
    let header = metadata[stringValues: "traceparent"].first { _ in true }
    return header.flatMap(TraceParent.init(header:)).map(SpanIdentity.child(of:)) ?? .root()
  }

  /// Writes the job's items and its outcome to the caller as they come. Each item the caller's
  /// stream accepts returns its credit to the worker: a caller that does not read holds the
  /// worker's handler at its window instead of piling items up here.
  private static func relay(
    _ events: AsyncStream<JobEvent>, of id: Int64, method: WireMethodInfo, hub: Hub, writer: RPCWriter<[UInt8]>,
    note: AuditNote, beforeAnswer: () async throws -> Void
  ) async throws {
    try await withTaskCancellationHandler {
      for await event in events {
        switch event {
        case .item(let bytes):
          do {
            try await beforeAnswer()
            try await writer.write(bytes)
            await hub.credit(id, bytes: bytes.count)
          } catch {
            // The caller went away mid-stream, or the read could not be audited: stop the
            // worker's job too, or it runs on.
            await hub.cancel(id, reason: "the caller's stream closed")
            throw error
          }
        case .finished(let outcome):
          note.record(target: outcome.auditTarget, unit: outcome.auditUnit)
          if let code = outcome.code { throw RPCError(code: code, message: outcome.message).withBoundedMessage }
          if !method.serverStreaming {
            try await beforeAnswer()
            try await writer.write(outcome.payload)
          }
          return
        }
      }
      // The stream ended without an outcome: the call was cancelled.
      throw RPCError(code: .cancelled, message: "\(method.path) was cancelled")
    } onCancel: {
      Task { await hub.cancel(id, reason: "the caller cancelled or its deadline passed") }
    }
  }
}
