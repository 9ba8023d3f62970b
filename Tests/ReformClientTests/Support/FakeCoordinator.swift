import GRPCCore
import GRPCNIOTransportHTTP2
import ReformWire

/// A stand-in for the coordinator that answers health and diagnostics calls itself, so the
/// client's behaviour can be pinned on a real socket without a hub or a worker.
///
/// Echo puts the `authorization` metadata it received in `caller.id`, so a test can see the
/// token travel.
struct FakeCoordinator: RegistrableRPCService {
  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.register(HealthService.Check.self) { request, _ in
      guard request.service.isEmpty || request.service == DiagnosticsService.name else {
        throw RPCError(code: .notFound, message: "unknown service \(request.service)")
      }
      return HealthCheckResponse(status: .serving)
    }
    router.registerStream(HealthService.Watch.self) { _, writer in
      for status in [HealthCheckResponse.ServingStatus.notServing, .serving] {
        try await writer.write(HealthCheckResponse(status: status))
      }
    }
    router.register(DiagnosticsService.Echo.self) { request, metadata in
      DiagnosticsEchoResponse(
        payload: request.payload,
        text: request.text,
        worker: DiagnosticsWorker(workerId: "fake-1", pid: 1, host: "fake", module: "diagnostics"),
        caller: Principal(id: metadata[stringValues: "authorization"].first(where: { _ in true }) ?? ""),
        attempt: 1
      )
    }
    router.register(DiagnosticsService.Fail.self) { request, _ in
      let code = RPCError.Code(Status.Code(rawValue: Int(request.code)) ?? .unknown) ?? .unknown
      throw RPCError(code: code, message: request.message)
    }
    router.register(DiagnosticsService.Sleep.self) { request, _ in
      try await Task.sleep(for: .milliseconds(request.durationMs))
      return DiagnosticsSleepResponse(sleptMs: request.durationMs)
    }
    router.registerStream(DiagnosticsService.StreamItems.self) { request, writer in
      for index in 0..<request.itemCount {
        if request.failAfter > 0, index == request.failAfter {
          throw RPCError(code: RPCError.Code(Status.Code(rawValue: Int(request.failCode)) ?? .unknown) ?? .unknown, message: "failed after \(index)")
        }
        try await writer.write(DiagnosticsStreamItem(index: index))
      }
    }
  }

  /// Serves on an ephemeral loopback port for the duration of `body`, which gets the
  /// address to dial.
  static func serve(_ body: @Sendable (String) async throws -> Void) async throws {
    let transport = HTTP2ServerTransport.Posix(
      address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext)
    try await withGRPCServer(transport: transport, services: [FakeCoordinator()]) { _ in
      let port = try await transport.listeningAddress.ipv4?.port ?? 0
      try await body("127.0.0.1:\(port)")
    }
  }
}
