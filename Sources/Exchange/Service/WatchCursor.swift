import GRPCCore
import ReformModule

/// The Watch cursor as the caller sees it: `w` and the store's event sequence, which only grows.
enum WatchCursor {
  static func text(_ seq: Int64) -> String { "w\(seq)" }

  /// The sequence `text` carries; INVALID_ARGUMENT on `cursor` for anything this service did not
  /// hand out, including a sequence beyond the latest event.
  static func parse(_ text: String, latest: Int64) throws(RPCError) -> Int64 {
    guard text.utf8.count <= 21, text.first == "w", let seq = Int64(text.dropFirst()), seq >= 0, seq <= latest else {
      throw FieldError.invalid(
        "cursor", "\"\(text.prefix(64))\" is not a cursor this service handed out; pass an event's cursor unchanged, or empty to start from now").rpcError
    }
    return seq
  }
}
