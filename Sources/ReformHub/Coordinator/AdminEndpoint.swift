import Foundation
import GRPCCore
import ReformSecurity
import ReformWire
import ReformKit

/// `reform.v1.Admin`: what operators see and do — workers, jobs, per-module status, tokens,
/// and the audit log, which no method can change.
struct AdminEndpoint: RegistrableRPCService {
  let hub: Hub
  let gatekeeper: Gatekeeper
  let auditor: Auditor
  let coordinator: AdminCoordinatorInfo
  /// The coordinator's `--max-request-bytes`.
  let maxRequestBytes: Int

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let hub = self.hub
    let coordinator = self.coordinator
    let tokens = gatekeeper.tokens
    unary(AdminService.ListWorkers.self, &router) { request, _ in
      AdminListWorkersResponse(
        workers: await hub.workers(module: request.module).filter { request.states.isEmpty || request.states.contains($0.state) })
    }
    unary(AdminService.DrainWorker.self, &router) { request, _ in
      try await hub.drain(request.workerId, reason: request.reason.isEmpty ? "drained by an operator" : request.reason)
    }
    unary(AdminService.ResumeWorker.self, &router) { request, _ in
      try await hub.resume(request.workerId)
    }
    unary(AdminService.ListJobs.self, &router) { request, _ in
      let jobs = await hub.jobs(module: request.module).filter {
        (request.workerId.isEmpty || $0.workerId == request.workerId) && (request.method.isEmpty || $0.method == request.method)
      }
      return AdminListJobsResponse(jobs: jobs)
    }
    unary(AdminService.CancelJob.self, &router) { request, _ in
      try await hub.cancelByOperator(request.jobId, reason: request.reason.isEmpty ? "cancelled by an operator" : request.reason)
    }
    unary(AdminService.Status.self, &router) { request, _ in
      let window: Duration = request.windowMs > 0 ? .milliseconds(request.windowMs) : .seconds(10)
      var info = coordinator
      info.residentBytes = ResidentMemory.bytes()
      return AdminStatusResponse(
        modules: await hub.status(module: request.module, window: window), coordinator: info,
        windowMs: window.inMilliseconds, time: .now)
    }
    // A token whose creation could not be audited is revoked: its secret never reaches the
    // caller (who gets UNAVAILABLE), and a repeat of the call could not show it again.
    let undoCreate: @Sendable (AdminCreateTokenResponse) async -> Void = { response in
      guard let id = response.info?.tokenId, !response.replayed else { return }
      _ = try? await tokens.revoke(tokenId: id, revokedBy: "reformd", reason: "its creation could not be audited")
    }
    unary(AdminService.CreateToken.self, &router, undo: undoCreate) { request, caller in
      // The token store checks a module name's shape; which modules exist is the catalogue's.
      for module in request.workerModules where ModuleCatalogue.services[module] == nil {
        throw RPCError(
          code: .invalidArgument,
          message: "worker_modules: '\(module.prefix(64))' is not a module; expected one of \(ModuleCatalogue.modules.joined(separator: ", "))")
      }
      return try await Self.storeCall { try await tokens.create(request, createdBy: caller?.id ?? "") }
    }
    unary(AdminService.ListTokens.self, &router) { request, _ in
      AdminListTokensResponse(tokens: try await Self.storeCall { try await tokens.list(request) })
    }
    unary(AdminService.RevokeToken.self, &router) { request, caller in
      try await Self.storeCall { try await tokens.revoke(tokenId: request.tokenId, revokedBy: caller?.id ?? "", reason: request.reason) }
    }
    let auditor = self.auditor
    unary(AdminService.QueryAudit.self, &router) { request, _ in
      // Counts of refusals whose window has closed are written first, so that they show.
      await auditor.flushDenials()
      return try await Self.storeCall { try await auditor.log.query(request) }
    }
  }

  /// Token store and audit log refusals as statuses naming the field.
  private static func storeCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as SecurityStoreError {
      let code: RPCError.Code = switch error.kind {
      case .notFound: .notFound
      case .conflict: .alreadyExists
      default: .invalidArgument
      }
      throw RPCError(code: code, message: error.message)
    }
  }

  /// Registers a unary admin method: the gatekeeper admits the caller, then `body` answers.
  private func unary<M: WireMethod, Transport: ServerTransport>(
    _ method: M.Type, _ router: inout RPCRouter<Transport>,
    undo: (@Sendable (M.Output) async -> Void)? = nil,
    _ body: @escaping @Sendable (M.Input, Principal?) async throws -> M.Output
  ) {
    let info = M.info
    let gatekeeper = self.gatekeeper
    let auditor = self.auditor
    router.registerHandler(
      forMethod: M.descriptor, deserializer: BoundedDeserializer<M.Input>(limit: maxRequestBytes),
      serializer: WireSerializer<M.Output>()
    ) { request, context in
      let caller: Principal?
      do throws(Gatekeeper.Refusal) {
        caller = try await gatekeeper.admit(
          info, metadata: request.metadata, peerCertificate: ServerTLS.peerCertificateSHA256(context), peer: context.remotePeer
        ).principal
      } catch {
        await auditor.recordRefusal(info, refusal: error, peer: context.remotePeer)
        throw error.error
      }
      let response: M.Output
      do {
        guard let message = try await request.messages.first(where: { _ in true }) else {
          throw RPCError(code: .invalidArgument, message: "\(info.path) takes one request message")
        }
        response = try await body(message, caller)
      } catch {
        let bounded = (error as? RPCError)?.withBoundedMessage
        try await auditor.record(info, caller: caller, peer: context.remotePeer, error: bounded ?? RPCError(code: .unknown, message: "\(error)"))
        throw bounded ?? error
      }
      // The answer goes out only once its entry is written.
      do {
        try await auditor.record(info, caller: caller, peer: context.remotePeer, error: nil)
      } catch {
        await undo?(response)
        throw error
      }
      return StreamingServerResponse(single: ServerResponse(message: response))
    }
  }
}
