import GRPCCore

/// Why bytes could not become a message, or a message could not become bytes.
///
/// Every case names the message type (and the field, where one is to blame) and maps to
/// `RPCError.Code.invalidArgument`, so a caller can see what to fix.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    private enum Base: Hashable, Sendable { case undecodable, invalidUTF8, nulInText }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// The bytes are not a valid protobuf encoding of the message type.
    public static let undecodable = Kind(.undecodable)
    /// A string field holds bytes that are not UTF-8.
    public static let invalidUTF8 = Kind(.invalidUTF8)
    /// A string holds U+0000, which protobuf-c's C strings cannot carry.
    public static let nulInText = Kind(.nulInText)

    public var description: String {
      switch base {
      case .undecodable: "undecodable"
      case .invalidUTF8: "invalid UTF-8"
      case .nulInText: "U+0000 in text"
      }
    }
  }

  public var kind: Kind
  /// The full protobuf name of the message, e.g. `reform.v1.Person`.
  public var messageType: String
  /// The field to blame, when there is one.
  public var field: String?

  public init(_ kind: Kind, in messageType: String, field: String? = nil) {
    self.kind = kind
    self.messageType = messageType
    self.field = field
  }

  public var description: String {
    let place = field.map { "\(messageType).\($0)" } ?? messageType
    switch kind {
    case .undecodable: return "\(place): the bytes are not a valid \(messageType) message"
    case .invalidUTF8: return "\(place): text is not valid UTF-8"
    default: return "\(place): text must not contain the character U+0000"
    }
  }
}

extension WireError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code { .invalidArgument }
  public var rpcErrorMessage: String { description }
}
