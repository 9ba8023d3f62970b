import GRPCCore

/// Passes a message's bytes through untouched: the coordinator forwards module calls without
/// decoding them, so a request reaches the worker exactly as the caller encoded it.
struct RawSerializer: MessageSerializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
    Bytes(message)
  }
}

/// See ``RawSerializer``.
struct RawDeserializer: MessageDeserializer {
  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
    serializedMessageBytes.withUnsafeBytes { Array($0) }
  }
}
