import GRPCCore
import ReformWire

extension ReflectionCatalogue {
  /// The answer to one request of a `ServerReflectionInfo` stream, v1 and v1alpha alike.
  ///
  /// A file comes with every file it imports, transitively, in each answer (the protocol
  /// allows leaving out what was sent earlier in the stream; not keeping that list keeps a
  /// long stream's memory flat). Reform's schema declares no extensions: a known message type
  /// has none, and no file is found by extension. A name nothing defines is an
  /// `error_response` with `NOT_FOUND` quoting it.
  func answer(_ request: ServerReflectionRequest) -> ServerReflectionResponse {
    var response = ServerReflectionResponse(validHost: request.host, originalRequest: request)
    switch request.messageRequest {
    case .fileByFilename(let name)?:
      response.messageResponse = Self.files(
        descriptors(ofFile: name), orNotFound: "file_by_filename: '\(name)' is not a file served here")
    case .fileContainingSymbol(let symbol)?:
      response.messageResponse = Self.files(
        descriptors(containingSymbol: symbol),
        orNotFound: "file_containing_symbol: '\(symbol)' is not a symbol of any file served here")
    case .fileContainingExtension(let extensionRequest)?:
      response.messageResponse = Self.error(
        .notFound,
        "file_containing_extension: no extension numbered \(extensionRequest.extensionNumber) of '\(extensionRequest.containingType)' is served here")
    case .allExtensionNumbersOfType(let type)?:
      response.messageResponse =
        defines(type)
        ? .allExtensionNumbersResponse(ExtensionNumberResponse(baseTypeName: type, extensionNumber: []))
        : Self.error(.notFound, "all_extension_numbers_of_type: '\(type)' is not a type of any file served here")
    case .listServices?:
      response.messageResponse = .listServicesResponse(
        ListServiceResponse(service: services.map { ServiceResponse(name: $0) }))
    case nil:
      response.messageResponse = Self.error(
        .invalidArgument,
        "message_request: the request asks for nothing; set file_by_filename, file_containing_symbol, "
          + "file_containing_extension, all_extension_numbers_of_type or list_services")
    }
    return response
  }

  private static func files(
    _ descriptors: [[UInt8]]?, orNotFound message: String
  ) -> ServerReflectionResponse.MessageResponse {
    guard let descriptors else { return error(.notFound, message) }
    return .fileDescriptorResponse(FileDescriptorResponse(fileDescriptorProto: descriptors))
  }

  /// An `error_response`, its message bounded as every status message the coordinator sends.
  private static func error(_ code: RPCError.Code, _ message: String) -> ServerReflectionResponse.MessageResponse {
    let bounded = RPCError(code: code, message: message).withBoundedMessage
    return .errorResponse(ErrorResponse(errorCode: Int32(code.rawValue), errorMessage: bounded.message))
  }
}
