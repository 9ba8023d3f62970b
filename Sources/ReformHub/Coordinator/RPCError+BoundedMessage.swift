import GRPCCore

extension RPCError {
  /// The longest status message the coordinator sends, in bytes of UTF-8. gRPC carries the
  /// message percent-encoded in a trailer, and clients refuse trailers over a few KiB (grpcio:
  /// 16 KiB) — the caller would then see only that, not the status.
  static let longestMessage = 1024

  /// The error with its message cut to ``longestMessage`` bytes when longer, as when it quotes
  /// a megabyte-long value a caller sent. The beginning, which names the field, and the end,
  /// which says what was expected, are kept; the middle is replaced by a note of its length.
  var withBoundedMessage: RPCError {
    let length = message.utf8.count
    guard length > Self.longestMessage else { return self }
    let head = String(String.UnicodeScalarView(Self.scalars(message.unicodeScalars, upTo: Self.longestMessage * 5 / 8)))
    let tail = String(String.UnicodeScalarView(
      Self.scalars(message.unicodeScalars.reversed(), upTo: Self.longestMessage / 4).reversed()))
    var copy = self
    copy.message = "\(head) … (\(length - head.utf8.count - tail.utf8.count) bytes left out) … \(tail)"
    return copy
  }

  /// The leading scalars of `scalars` that fit in `bytes` bytes of UTF-8.
  private static func scalars(_ scalars: some Sequence<Unicode.Scalar>, upTo bytes: Int) -> [Unicode.Scalar] {
    var used = 0
    return Array(scalars.prefix { scalar in
      used += scalar.utf8.count
      return used <= bytes
    })
  }
}
