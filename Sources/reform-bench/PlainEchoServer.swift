import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ReformWire

/// The baseline of the hub benchmark: a plain grpc-swift-2 server answering
/// `Diagnostics.Echo` itself, with the same serializers a worker uses, and no coordinator.
enum PlainEchoServer {
  struct Echo: RegistrableRPCService {
    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
      router.registerHandler(
        forMethod: DiagnosticsService.Echo.descriptor,
        deserializer: WireDeserializer<DiagnosticsEchoRequest>(),
        serializer: WireSerializer<DiagnosticsEchoResponse>()
      ) { request, _ in
        let message = try await request.messages.first { _ in true } ?? DiagnosticsEchoRequest()
        return StreamingServerResponse(single: ServerResponse(message: DiagnosticsEchoResponse(
          payload: message.payload, text: message.text,
          worker: DiagnosticsWorker(workerId: "plain", pid: getpid(), module: "diagnostics"))))
      }
    }
  }

  static func serve(port: Int) async throws {
    let server = GRPCServer(
      transport: .http2NIOPosix(address: .ipv4(host: "127.0.0.1", port: port), transportSecurity: .plaintext),
      services: [Echo()])
    try await server.serve()
  }
}
