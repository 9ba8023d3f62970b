import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ReformWire
import Testing

@testable import ReformHub

/// gRPC server reflection as the coordinator answers it, from the generated table alone: what
/// is listed, what is found by name and by symbol, and what is not found.
@Suite struct ReflectionCatalogueTests {
  let catalogue = ReflectionCatalogue.served

  @Test func everyServiceTheSchemaDefinesIsListed() {
    let expected = WireCatalogue.services.map(\.name).sorted()
    #expect(expected.contains("grpc.health.v1.Health"))
    #expect(expected.contains("grpc.reflection.v1.ServerReflection"))
    #expect(expected.contains("grpc.reflection.v1alpha.ServerReflection"))
    guard case .listServicesResponse(let list)? = catalogue.answer(ServerReflectionRequest(messageRequest: .listServices(""))).messageResponse
    else { Issue.record("list_services was not answered with a list"); return }
    #expect(list.service.map(\.name) == expected)
  }

  @Test func everyMessageAndMethodOfTheSchemaIsASymbolOfAServedFile() {
    // OpenTelemetry's messages are what a process sends a collector, never served.
    let (called, messages) = WireCatalogue.messageTypes.map { $0.protoName }.reduce(into: ([String](), [String]())) { split, name in
      if name.hasPrefix("opentelemetry.proto.") { split.0.append(name) } else { split.1.append(name) }
    }
    #expect(!called.isEmpty)
    for symbol in called {
      #expect(catalogue.descriptors(containingSymbol: symbol) == nil, "\(symbol) is served")
    }
    let methods = WireCatalogue.services.flatMap { service in service.methods.map { "\(service.name).\($0.descriptor.method)" } }
    for symbol in messages + methods + WireCatalogue.services.map(\.name) {
      #expect(catalogue.descriptors(containingSymbol: symbol) != nil, "\(symbol) is not found")
    }
  }

  @Test func aSymbolComesInItsFileFollowedByTheFilesItImports() throws {
    let request = ServerReflectionRequest(host: "localhost", messageRequest: .fileContainingSymbol("reform.v1.Diagnostics.Echo"))
    let answer = catalogue.answer(request)
    #expect(answer.validHost == "localhost")
    #expect(answer.originalRequest == request)
    guard case .fileDescriptorResponse(let files)? = answer.messageResponse else {
      Issue.record("answered with \(String(describing: answer.messageResponse))")
      return
    }
    #expect(files.fileDescriptorProto.map(Self.fileName) == ["reform/v1/diagnostics.proto", "reform/v1/common.proto"])
  }

  @Test func aFileIsFoundByItsNameWithEachImportOnce() throws {
    let files = try #require(catalogue.descriptors(ofFile: "reform/v1/registry.proto")).map(Self.fileName)
    #expect(files.first == "reform/v1/registry.proto")
    #expect(Set(files).count == files.count)
    #expect(Set(files).isSuperset(of: ["reform/v1/common.proto", "reform/v1/unit.proto", "reform/v1/person.proto"]))
    #expect(catalogue.descriptors(ofFile: "grpc/reflection/v1alpha/reflection_v1alpha.proto")?.count == 1)
  }

  @Test func anUnknownSymbolIsNotFoundNamingIt() throws {
    let error = try notFound(.fileContainingSymbol("reform.v1.NoSuchMessage"))
    #expect(error.errorMessage.contains("'reform.v1.NoSuchMessage'"))
  }

  @Test func anUnknownFileIsNotFoundNamingIt() throws {
    let error = try notFound(.fileByFilename("reform/v1/none.proto"))
    #expect(error.errorMessage.contains("'reform/v1/none.proto'"))
  }

  @Test func theSchemaDeclaresNoExtensions() throws {
    let numbers = catalogue.answer(ServerReflectionRequest(messageRequest: .allExtensionNumbersOfType("reform.v1.DiagnosticsEchoRequest")))
    #expect(numbers.messageResponse == .allExtensionNumbersResponse(ExtensionNumberResponse(baseTypeName: "reform.v1.DiagnosticsEchoRequest")))
    _ = try notFound(.allExtensionNumbersOfType("reform.v1.Nothing"))
    _ = try notFound(.fileContainingExtension(ExtensionRequest(containingType: "reform.v1.DiagnosticsEchoRequest", extensionNumber: 100)))
  }

  @Test func aVeryLongUnknownNameIsQuotedWithinTheLongestStatusMessage() throws {
    let error = try notFound(.fileContainingSymbol(String(repeating: "x", count: 100_000)))
    #expect(error.errorMessage.utf8.count <= 1_100)
  }

  /// The `error_response` answering `request`, which must be `NOT_FOUND`.
  private func notFound(_ request: ServerReflectionRequest.MessageRequest) throws -> ErrorResponse {
    let answer = catalogue.answer(ServerReflectionRequest(messageRequest: request))
    guard case .errorResponse(let error)? = answer.messageResponse else {
      throw ReflectionAnswerError(description: "\(request) was answered with \(String(describing: answer.messageResponse))")
    }
    #expect(error.errorCode == Int32(RPCError.Code.notFound.rawValue), "\(request)")
    return error
  }

  /// `FileDescriptorProto.name`, field 1, which protoc writes first.
  static func fileName(_ descriptor: [UInt8]) -> String {
    guard descriptor.count > 2, descriptor[0] == 0x0a, Int(descriptor[1]) < 0x80, descriptor.count >= 2 + Int(descriptor[1]) else { return "?" }
    return String(decoding: descriptor[2..<2 + Int(descriptor[1])], as: UTF8.self)
  }
}

struct ReflectionAnswerError: Error, CustomStringConvertible {
  var description: String
}

/// Reflection served by a real coordinator, to real clients.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ReflectionProcessTests {
  /// Python's grpcio-reflection lists every service over v1 and v1alpha, with a token and
  /// without, builds Diagnostics.Echo's messages from reflected descriptors alone and calls
  /// it. `./Deploy/test` installs grpcio and grpcio-reflection.
  @Test func grpcioReflectionListsEveryServiceAndCallsEchoFromReflectedDescriptors() async throws {
    let cluster = try await Cluster.withOneWorker()
    let run = try ChildProcess.run(
      "python3", [Self.script("reflection_client.py"), cluster.address], environment: ["REFORM_TOKEN": try cluster.adminToken])
    let text = run.output
    #expect(run.status == 0, "reflection client failed:\n\(text)")
    let lines = text.split(separator: "\n").map(String.init)
    let services = WireCatalogue.services.map(\.name).sorted().joined(separator: ",")
    for version in ["v1", "v1alpha"] {
      #expect(lines.contains("services \(version) \(services)"), "\(text)")
      #expect(lines.contains("echo \(version) reform.v1.DiagnosticsEchoRequest diagnostics Nghị quyết 01-NQ/ĐUK — cải cách hành chính"), "\(text)")
      #expect(lines.contains { $0.hasPrefix("unknown \(version) NOT_FOUND ") && $0.contains("reform.v1.NoSuchMessage") }, "\(text)")
    }
  }

  /// One stream answers each of many requests in turn, v1 and v1alpha alike.
  @Test func oneStreamAnswersManyRequestsInTurn() async throws {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    try await cluster.withClient { _ in }  // the socket is bound
    let transport = try HTTP2ClientTransport.Posix(target: .unixDomainSocket(path: cluster.socket), transportSecurity: .plaintext)
    let count = 2_000
    try await withGRPCClient(transport: transport) { client in
      for method in [ServerReflectionService.ServerReflectionInfo.descriptor, V1alphaServerReflectionService.ServerReflectionInfo.descriptor] {
        let answers = try await client.bidirectionalStreaming(
          request: StreamingClientRequest(of: ServerReflectionRequest.self) { writer in
            for index in 0..<count {
              let symbol = index.isMultiple(of: 2) ? "reform.v1.Registry" : "reform.v1.Missing\(index)"
              try await writer.write(ServerReflectionRequest(messageRequest: .fileContainingSymbol(symbol)))
            }
          },
          descriptor: method, serializer: WireSerializer<ServerReflectionRequest>(),
          deserializer: WireDeserializer<ServerReflectionResponse>(), options: .defaults
        ) { response in
          var found = 0
          var missing = 0
          for try await answer in response.messages {
            switch answer.messageResponse {
            case .fileDescriptorResponse?: found += 1
            case .errorResponse(let error)? where error.errorMessage.contains("reform.v1.Missing"): missing += 1
            default: break
            }
          }
          return (found, missing)
        }
        #expect(answers.0 == count / 2 && answers.1 == count / 2, "\(method): \(answers)")
      }
    }
  }

  private static func script(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Interop/\(name)").path
  }
}
