import GRPCCore
import ReformWire

/// Decodes a request the coordinator answers itself (`Admin`, `Health`) after refusing one
/// over `--max-request-bytes` with `RESOURCE_EXHAUSTED`, as module calls are refused on their
/// way to a worker: the transport itself takes up to twice the limit.
struct BoundedDeserializer<Message: WireMessage>: MessageDeserializer {
  let limit: Int

  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
    guard serializedMessageBytes.count <= limit else {
      throw RPCError.requestTooLarge(serializedMessageBytes.count, limit: limit)
    }
    return try WireDeserializer<Message>().deserialize(serializedMessageBytes)
  }
}

extension RPCError {
  /// A request over the coordinator's `--max-request-bytes`, with its size and the limit.
  static func requestTooLarge(_ size: Int, limit: Int) -> RPCError {
    RPCError(
      code: .resourceExhausted, message: "request too large: \(size) bytes, over the limit of \(limit) bytes (--max-request-bytes)")
  }
}
