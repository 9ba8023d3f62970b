import GRPCCore
import ReformWire

/// `grpc.health.v1.Health`, as gRPC specifies it: `""` is the whole server; a module's
/// service is `SERVING` while at least one of its workers is attached.
struct HealthEndpoint: RegistrableRPCService {
  let hub: Hub
  /// The coordinator's `--max-request-bytes`.
  let maxRequestBytes: Int

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let hub = self.hub
    router.registerHandler(
      forMethod: HealthService.Check.descriptor,
      deserializer: BoundedDeserializer<HealthCheckRequest>(limit: maxRequestBytes),
      serializer: WireSerializer<HealthCheckResponse>()
    ) { request, _ in
      let message = try await request.messages.first { _ in true } ?? HealthCheckRequest()
      guard let status = await hub.health(of: message.service) else {
        throw RPCError(code: .notFound, message: "service: '\(message.service)' is not served here").withBoundedMessage
      }
      return StreamingServerResponse(single: ServerResponse(message: HealthCheckResponse(status: status)))
    }
    router.registerHandler(
      forMethod: HealthService.Watch.descriptor,
      deserializer: BoundedDeserializer<HealthCheckRequest>(limit: maxRequestBytes),
      serializer: WireSerializer<HealthCheckResponse>()
    ) { request, context in
      let message = try await request.messages.first { _ in true } ?? HealthCheckRequest()
      return StreamingServerResponse { writer in
        // gRPC does not cancel a handler's task when its caller goes away or its deadline
        // passes; without this the watch would wait for the next change for ever.
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask { try await context.cancellation.cancelled }
          group.addTask {
            var last: HealthCheckResponse.ServingStatus?
            for await status in await hub.watchHealth(of: message.service) where status != last {
              last = status
              try await writer.write(HealthCheckResponse(status: status))
            }
          }
          try await group.next()
          group.cancelAll()
        }
        return [:]
      }
    }
  }
}
