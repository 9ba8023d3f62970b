import GRPCCore

/// One method of a Reform service, as generated from its `.proto` declaration: its input and
/// output message types and its ``WireMethodInfo``.
public protocol WireMethod {
  associatedtype Input: WireMessage
  associatedtype Output: WireMessage
  static var info: WireMethodInfo { get }
}

extension WireMethod {
  /// The gRPC descriptor of the method.
  public static var descriptor: MethodDescriptor { info.descriptor }
  public static var serializer: WireSerializer<Input> { WireSerializer() }
  public static var deserializer: WireDeserializer<Output> { WireDeserializer() }
}

/// What the system knows of a method without its types: name, message types, streaming shape,
/// and whether a call may safely run twice (the method's `idempotency_level` option).
public struct WireMethodInfo: Sendable, Hashable {
  public var descriptor: MethodDescriptor
  /// Full protobuf name of the request message.
  public var inputType: String
  /// Full protobuf name of the response message.
  public var outputType: String
  public var clientStreaming: Bool
  public var serverStreaming: Bool
  public var idempotency: Idempotency

  public init(
    service: String, method: String, inputType: String, outputType: String,
    clientStreaming: Bool, serverStreaming: Bool, idempotency: Idempotency
  ) {
    let type: MethodDescriptor.RPCType =
      switch (clientStreaming, serverStreaming) {
      case (false, false): .unary
      case (true, false): .clientStreaming
      case (false, true): .serverStreaming
      case (true, true): .bidirectionalStreaming
      }
    self.descriptor = MethodDescriptor(fullyQualifiedService: service, method: method, type: type)
    self.inputType = inputType
    self.outputType = outputType
    self.clientStreaming = clientStreaming
    self.serverStreaming = serverStreaming
    self.idempotency = idempotency
  }

  /// The HTTP/2 path of the method, e.g. `/reform.v1.Registry/GetUnit`.
  public var path: String { "/" + descriptor.fullyQualifiedMethod }

  /// Whether a call may be run again after its worker vanished: reads, and writes that the
  /// schema declares idempotent (they carry an idempotency key or set a value).
  public var isSafeToRepeat: Bool { idempotency != .unknown }
}

/// A method's declared `idempotency_level`, from descriptor.proto's `MethodOptions`.
public struct Idempotency: Hashable, Sendable, CustomStringConvertible {
  private enum Base: Hashable, Sendable { case unknown, noSideEffects, idempotent }
  private let base: Base
  private init(_ base: Base) { self.base = base }

  /// Not declared: the call may change data and must not be repeated.
  public static let unknown = Idempotency(.unknown)
  /// A read: `NO_SIDE_EFFECTS`.
  public static let noSideEffects = Idempotency(.noSideEffects)
  /// A write that is harmless to repeat: `IDEMPOTENT`.
  public static let idempotent = Idempotency(.idempotent)

  public var description: String {
    switch base {
    case .unknown: "IDEMPOTENCY_UNKNOWN"
    case .noSideEffects: "NO_SIDE_EFFECTS"
    case .idempotent: "IDEMPOTENT"
    }
  }
}

/// A service and its methods.
public struct WireServiceInfo: Sendable, Hashable {
  public var name: String
  public var methods: [WireMethodInfo]

  public init(name: String, methods: [WireMethodInfo]) {
    self.name = name
    self.methods = methods
  }
}
