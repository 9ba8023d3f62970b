import GRPCCore
import ReformWire

/// gRPC server reflection, `grpc.reflection.v1.ServerReflection` and its deprecated first
/// name `grpc.reflection.v1alpha.ServerReflection` (the same messages on the same wire): it
/// describes every service the coordinator serves, from the descriptors `Protos/generate`
/// committed, so that `grpcurl`, Postman or grpcio-reflection can find and call them.
///
/// The schema it describes is public, so, as `Health`, it needs no token (and ignores one).
/// Each request is answered before the next is read, and nothing is kept between them: a
/// stream of any length holds one request and one answer at a time.
struct ReflectionEndpoint: RegistrableRPCService {
  let catalogue: ReflectionCatalogue
  /// The coordinator's `--max-request-bytes`.
  let maxRequestBytes: Int

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let catalogue = self.catalogue
    for method in [ServerReflectionService.ServerReflectionInfo.descriptor, V1alphaServerReflectionService.ServerReflectionInfo.descriptor] {
      router.registerHandler(
        forMethod: method,
        deserializer: BoundedDeserializer<ServerReflectionRequest>(limit: maxRequestBytes),
        serializer: WireSerializer<ServerReflectionResponse>()
      ) { request, _ in
        StreamingServerResponse { writer in
          for try await message in request.messages {
            try await writer.write(catalogue.answer(message))
          }
          return [:]
        }
      }
    }
  }
}
