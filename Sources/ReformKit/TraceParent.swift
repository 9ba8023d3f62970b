/// A W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/): which trace a
/// call belongs to and which span called it. The coordinator takes a caller's, or starts a trace
/// when there is none or it cannot be read; each hop passes on a child, with the same trace id
/// and a span id of its own.
public struct TraceParent: Sendable, Hashable, CustomStringConvertible {
  /// 32 lowercase hex digits, not all zero.
  public let traceID: String
  /// 16 lowercase hex digits, not all zero: the span that made the call.
  public let parentID: String
  /// Bit 0: the caller sampled the trace.
  public let flags: UInt8

  /// The trace of the job running on this task, set by the worker around a handler, so that the
  /// calls it makes to other modules carry it on.
  @TaskLocal public static var current: TraceParent?

  /// Reads a `traceparent` header: version `00` exactly as specified, or a later version's
  /// first four fields (as the specification asks a reader to); nil for anything else,
  /// including the all-zero ids and version `ff`.
  public init?(header: String) {
    let fields = header.split(separator: "-", omittingEmptySubsequences: false)
    guard fields.count >= 4, header.utf8.count <= 512 else { return nil }
    let (version, trace, parent, flags) = (fields[0], fields[1], fields[2], fields[3])
    guard Self.isHex(version, count: 2), version != "ff", Self.isHex(trace, count: 32), Self.isHex(parent, count: 16),
      Self.isHex(flags, count: 2), let flagBits = UInt8(flags, radix: 16)
    else { return nil }
    guard version != "00" || fields.count == 4 else { return nil }
    guard trace.contains(where: { $0 != "0" }), parent.contains(where: { $0 != "0" }) else { return nil }
    self.traceID = String(trace)
    self.parentID = String(parent)
    self.flags = flagBits
  }

  /// A new trace, with the random ids `random` gives.
  public static func start(using random: inout some RandomNumberGenerator) -> TraceParent {
    TraceParent(traceID: hex(random.next() | 1, random.next()), parentID: hex(random.next() | 1), flags: 0)
  }

  /// The same trace, called from a new span of this hop.
  public func child(using random: inout some RandomNumberGenerator) -> TraceParent {
    TraceParent(traceID: traceID, parentID: Self.hex(random.next() | 1), flags: flags)
  }

  /// The header's text: `00-TRACE-PARENT-FLAGS`.
  public var description: String {
    "00-\(traceID)-\(parentID)-\(Self.hex(byte: flags))"
  }

  private init(traceID: String, parentID: String, flags: UInt8) {
    self.traceID = traceID
    self.parentID = parentID
    self.flags = flags
  }

  private static func isHex(_ text: Substring, count: Int) -> Bool {
    text.utf8.count == count && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }

  private static func hex(_ words: UInt64...) -> String {
    words.map { word in
      let digits = String(word, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }.joined()
  }

  private static func hex(byte: UInt8) -> String {
    byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
  }
}
