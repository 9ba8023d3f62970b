import Tracing

/// A span once it has ended: what is exported, in plain values. Its attributes are bounded
/// (``FinishedSpan/maxAttributes`` of them, each string value cut to
/// ``FinishedSpan/maxValueBytes``), whatever the code that set them.
public struct FinishedSpan: Sendable {
  /// An attribute's value: the kinds Reform's spans carry.
  public enum Value: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case double(Double)
  }

  public static let maxAttributes = 32
  public static let maxValueBytes = 256

  public var name: String
  public var kind: SpanKind
  public var identity: SpanIdentity
  public var startNanoseconds: UInt64
  public var endNanoseconds: UInt64
  public var attributes: [(key: String, value: Value)]
  /// Attributes left out past ``maxAttributes``.
  public var droppedAttributes: Int
  /// An error status with its message, or nil for a span that did not fail.
  public var error: String?

  public init(
    name: String, kind: SpanKind, identity: SpanIdentity, startNanoseconds: UInt64, endNanoseconds: UInt64,
    attributes: SpanAttributes, error: String?
  ) {
    self.name = Self.bounded(name)
    self.kind = kind
    self.identity = identity
    self.startNanoseconds = startNanoseconds
    self.endNanoseconds = endNanoseconds
    var kept: [(key: String, value: Value)] = []
    var dropped = 0
    attributes.forEach { key, attribute in
      guard kept.count < Self.maxAttributes, let value = Self.value(of: attribute) else {
        dropped += 1
        return
      }
      kept.append((Self.bounded(key), value))
    }
    self.attributes = kept.sorted { $0.key < $1.key }
    self.droppedAttributes = dropped
    self.error = error.map(Self.bounded)
  }

  private static func value(of attribute: SpanAttribute) -> Value? {
    switch attribute {
    case .string(let text): .string(bounded(text))
    case .stringConvertible(let value): .string(bounded(value.description))
    case .int32(let number): .int(Int64(number))
    case .int64(let number): .int(number)
    case .bool(let flag): .bool(flag)
    case .double(let number): .double(number)
    default: nil
    }
  }

  /// `text` cut to at most ``maxValueBytes`` of UTF-8, on a character boundary.
  static func bounded(_ text: String) -> String {
    guard text.utf8.count > maxValueBytes else { return text }
    var cut = ""
    for character in text {
      guard cut.utf8.count + character.utf8.count <= maxValueBytes else { break }
      cut.append(character)
    }
    return cut
  }
}
