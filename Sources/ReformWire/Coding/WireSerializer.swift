import GRPCCore

/// Serializes a ``WireMessage`` for gRPC with libprotobuf-c.
public struct WireSerializer<Message: WireMessage>: MessageSerializer {
  public init() {}

  public func serialize<Bytes: GRPCContiguousBytes>(_ message: Message) throws -> Bytes {
    do {
      return try message.wireBytes(as: Bytes.self)
    } catch {
      throw RPCError(error)
    }
  }
}

/// Deserializes a ``WireMessage`` for gRPC with libprotobuf-c. Bytes that are not a valid
/// message give `RPCError(.invalidArgument)` naming the message type.
public struct WireDeserializer<Message: WireMessage>: MessageDeserializer {
  public init() {}

  public func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
    do {
      return try Message(wireBytes: serializedMessageBytes)
    } catch {
      throw RPCError(error)
    }
  }
}
