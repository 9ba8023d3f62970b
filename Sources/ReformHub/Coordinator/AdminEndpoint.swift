import Foundation
import GRPCCore
import ReformSecurity
import ReformWire

/// `reform.v1.Admin`: what operators see and do — workers, jobs, per-module status, tokens.
/// The audit log comes with its store and answers `UNIMPLEMENTED` until then.
struct AdminEndpoint: RegistrableRPCService {
  let hub: Hub
  let gatekeeper: Gatekeeper
  let coordinator: AdminCoordinatorInfo

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
    unary(AdminService.CreateToken.self, &router) { request, caller in
      try await Self.storeCall { try await tokens.create(request, createdBy: caller?.id ?? "") }
    }
    unary(AdminService.ListTokens.self, &router) { request, _ in
      AdminListTokensResponse(tokens: try await Self.storeCall { try await tokens.list(request) })
    }
    unary(AdminService.RevokeToken.self, &router) { request, caller in
      try await Self.storeCall { try await tokens.revoke(tokenId: request.tokenId, revokedBy: caller?.id ?? "", reason: request.reason) }
    }
    let queryAudit = AdminService.QueryAudit.info
    let gatekeeper = self.gatekeeper
    router.registerHandler(forMethod: queryAudit.descriptor, deserializer: RawDeserializer(), serializer: RawSerializer()) { request, _ in
      _ = try await gatekeeper.admit(queryAudit, metadata: request.metadata)
      throw RPCError(code: .unimplemented, message: "\(queryAudit.path) is not available yet: the audit log comes with its store")
    }
  }

  /// Token store errors as statuses naming the field.
  private static func storeCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as TokenStoreError {
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
    _ body: @escaping @Sendable (M.Input, Principal?) async throws -> M.Output
  ) {
    let info = M.info
    let gatekeeper = self.gatekeeper
    router.registerHandler(
      forMethod: M.descriptor, deserializer: WireDeserializer<M.Input>(), serializer: WireSerializer<M.Output>()
    ) { request, _ in
      let caller = try await gatekeeper.admit(info, metadata: request.metadata)
      guard let message = try await request.messages.first(where: { _ in true }) else {
        throw RPCError(code: .invalidArgument, message: "\(info.path) takes one request message")
      }
      return StreamingServerResponse(single: ServerResponse(message: try await body(message, caller)))
    }
  }
}
