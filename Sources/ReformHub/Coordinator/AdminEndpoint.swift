import Foundation
import GRPCCore
import ReformWire

/// `reform.v1.Admin`: what operators see and do — workers, jobs, per-module status. Tokens and
/// the audit log belong to the security layer and answer `UNIMPLEMENTED` until it is in.
struct AdminEndpoint: RegistrableRPCService {
  let hub: Hub
  let coordinator: AdminCoordinatorInfo

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let hub = self.hub
    let coordinator = self.coordinator
    unary(AdminService.ListWorkers.self, &router) { request in
      AdminListWorkersResponse(
        workers: await hub.workers(module: request.module).filter { request.states.isEmpty || request.states.contains($0.state) })
    }
    unary(AdminService.DrainWorker.self, &router) { request in
      try await hub.drain(request.workerId, reason: request.reason.isEmpty ? "drained by an operator" : request.reason)
    }
    unary(AdminService.ResumeWorker.self, &router) { request in
      try await hub.resume(request.workerId)
    }
    unary(AdminService.ListJobs.self, &router) { request in
      let jobs = await hub.jobs(module: request.module).filter {
        (request.workerId.isEmpty || $0.workerId == request.workerId) && (request.method.isEmpty || $0.method == request.method)
      }
      return AdminListJobsResponse(jobs: jobs)
    }
    unary(AdminService.CancelJob.self, &router) { request in
      try await hub.cancelByOperator(request.jobId, reason: request.reason.isEmpty ? "cancelled by an operator" : request.reason)
    }
    unary(AdminService.Status.self, &router) { request in
      let window: Duration = request.windowMs > 0 ? .milliseconds(request.windowMs) : .seconds(10)
      var info = coordinator
      info.residentBytes = ResidentMemory.bytes()
      return AdminStatusResponse(
        modules: await hub.status(module: request.module, window: window), coordinator: info,
        windowMs: window.inMilliseconds, time: .now)
    }
    for method in [AdminService.CreateToken.info, AdminService.ListTokens.info, AdminService.RevokeToken.info, AdminService.QueryAudit.info] {
      router.registerHandler(forMethod: method.descriptor, deserializer: RawDeserializer(), serializer: RawSerializer()) { _, _ in
        throw RPCError(code: .unimplemented, message: "\(method.path) is not available yet: tokens and the audit log come with the security layer")
      }
    }
  }

  private func unary<M: WireMethod, Transport: ServerTransport>(
    _ method: M.Type, _ router: inout RPCRouter<Transport>,
    _ body: @escaping @Sendable (M.Input) async throws -> M.Output
  ) {
    let path = M.info.path
    router.registerHandler(
      forMethod: M.descriptor, deserializer: WireDeserializer<M.Input>(), serializer: WireSerializer<M.Output>()
    ) { request, _ in
      guard let message = try await request.messages.first(where: { _ in true }) else {
        throw RPCError(code: .invalidArgument, message: "\(path) takes one request message")
      }
      return StreamingServerResponse(single: ServerResponse(message: try await body(message)))
    }
  }
}
