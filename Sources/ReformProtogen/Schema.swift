/// The parts of a protobuf schema that Reform's generator needs, read from a descriptor set.
///
/// ## Topics
/// - ``SchemaFile``, ``SchemaMessage``, ``SchemaField``, ``SchemaOneof``, ``SchemaEnum``,
///   ``SchemaService``, ``SchemaMethod``
public struct SchemaFile: Sendable {
  public var name: String
  public var package: String
  /// The files it imports, as `import` names them.
  public var dependencies: [String]
  public var messages: [SchemaMessage]
  public var enums: [SchemaEnum]
  public var services: [SchemaService]
}

/// A message, with its nested messages and enums.
public struct SchemaMessage: Sendable {
  public var fullName: String
  public var name: String
  public var comment: String
  public var fields: [SchemaField]
  public var oneofs: [SchemaOneof]
  public var messages: [SchemaMessage]
  public var enums: [SchemaEnum]
  public var isMapEntry: Bool
}

/// A field of a message.
public struct SchemaField: Sendable {
  /// The scalar, enum or message kind of a field, as descriptor.proto numbers it.
  public enum Kind: Int32, Sendable {
    case double = 1, float, int64, uint64, int32, fixed64, fixed32, bool, string, group, message, bytes
    case uint32, enumeration, sfixed32, sfixed64, sint32, sint64
  }

  public var name: String
  public var number: Int32
  public var kind: Kind
  public var isRepeated: Bool
  /// Fully qualified, with a leading dot, for message and enum fields.
  public var typeName: String
  public var oneofIndex: Int?
  public var isProto3Optional: Bool
  public var comment: String
}

/// A `oneof` group of fields.
public struct SchemaOneof: Sendable {
  public var name: String
  public var comment: String
}

/// An enum and its values.
public struct SchemaEnum: Sendable {
  public var fullName: String
  public var name: String
  public var comment: String
  public var values: [(name: String, number: Int32, comment: String)]
}

/// A service and its methods.
public struct SchemaService: Sendable {
  public var fullName: String
  public var name: String
  public var comment: String
  public var methods: [SchemaMethod]
}

/// A method of a service, with its streaming shape and its declared `idempotency_level`.
public struct SchemaMethod: Sendable {
  public var name: String
  public var inputType: String
  public var outputType: String
  public var clientStreaming: Bool
  public var serverStreaming: Bool
  /// 0 unknown, 1 `NO_SIDE_EFFECTS`, 2 `IDEMPOTENT` (descriptor.proto's `IdempotencyLevel`).
  public var idempotencyLevel: Int32
  public var comment: String
}
