import ReformWire

/// Where the next page of an audit query starts: after entry `sequence`, walking in one
/// direction.
///
/// On the wire it is `o<sequence>` (oldest first) or `n<sequence>` (newest first). Clients
/// treat it as opaque; the direction is in it so that a token cannot be replayed against a
/// query walking the other way, which would silently skip or repeat entries. Because entries
/// are never changed or removed, a sequence stays a valid place to resume from forever.
struct AuditPageToken: Sendable, Equatable {
  var newestFirst: Bool
  /// The last sequence of the previous page.
  var after: Int64

  init(newestFirst: Bool, after: Int64) {
    self.newestFirst = newestFirst
    self.after = after
  }

  /// Parses a token for a query walking in the direction `newestFirst`; `nil` for an empty
  /// token, which starts at the beginning.
  init?(parsing text: String, newestFirst: Bool) throws(AuditLogError) {
    guard !text.isEmpty else { return nil }
    guard let mark = text.first, mark == "o" || mark == "n",
      let after = Int64(text.dropFirst()), after > 0
    else {
      throw .invalid("page.page_token", "not a token this log issued")
    }
    guard (mark == "n") == newestFirst else {
      throw .invalid("page.page_token", "issued for the other order; keep newest_first as it was")
    }
    self.init(newestFirst: newestFirst, after: after)
  }

  /// The token's text.
  var text: String { (newestFirst ? "n" : "o") + String(after) }
}
