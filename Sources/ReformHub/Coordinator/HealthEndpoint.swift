import GRPCCore
import ReformWire

/// `grpc.health.v1.Health`, as gRPC specifies it: `""` is the whole server; a module's
/// service is `SERVING` while at least one of its workers is attached.
struct HealthEndpoint: RegistrableRPCService {
  let hub: Hub

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let hub = self.hub
    router.registerHandler(
      forMethod: HealthService.Check.descriptor,
      deserializer: WireDeserializer<HealthCheckRequest>(),
      serializer: WireSerializer<HealthCheckResponse>()
    ) { request, _ in
      let message = try await request.messages.first { _ in true } ?? HealthCheckRequest()
      guard let status = await hub.health(of: message.service) else {
        throw RPCError(code: .notFound, message: "service: '\(message.service)' is not served here")
      }
      return StreamingServerResponse(single: ServerResponse(message: HealthCheckResponse(status: status)))
    }
    router.registerHandler(
      forMethod: HealthService.Watch.descriptor,
      deserializer: WireDeserializer<HealthCheckRequest>(),
      serializer: WireSerializer<HealthCheckResponse>()
    ) { request, _ in
      let message = try await request.messages.first { _ in true } ?? HealthCheckRequest()
      return StreamingServerResponse { writer in
        var last: HealthCheckResponse.ServingStatus?
        for await status in await hub.watchHealth(of: message.service) where status != last {
          last = status
          try await writer.write(HealthCheckResponse(status: status))
        }
        return [:]
      }
    }
  }
}
