import GRPCCore
import ReformWire

/// The server side of a generated method, for test doubles: requests in, responses out (the
/// reverse of the client's `M.serializer` and `M.deserializer`).
extension RPCRouter {
  /// Registers a unary handler for a generated method, with the request's metadata at hand.
  mutating func register<M: WireMethod>(
    _ method: M.Type,
    _ handler: @Sendable @escaping (M.Input, Metadata) async throws -> M.Output
  ) {
    registerHandler(forMethod: M.descriptor, deserializer: WireDeserializer<M.Input>(), serializer: WireSerializer<M.Output>()) { request, _ in
      let single = try await ServerRequest(stream: request)
      let output = try await handler(single.message, single.metadata)
      return StreamingServerResponse(single: ServerResponse(message: output))
    }
  }

  /// Registers a server-streaming handler for a generated method.
  mutating func registerStream<M: WireMethod>(
    _ method: M.Type,
    _ handler: @Sendable @escaping (M.Input, RPCWriter<M.Output>) async throws -> Void
  ) {
    registerHandler(forMethod: M.descriptor, deserializer: WireDeserializer<M.Input>(), serializer: WireSerializer<M.Output>()) { request, _ in
      let single = try await ServerRequest(stream: request)
      return StreamingServerResponse { writer in
        try await handler(single.message, writer)
        return [:]
      }
    }
  }
}
