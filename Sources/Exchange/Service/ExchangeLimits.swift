import GRPCCore
import ReformModule

/// What the exchange accepts, checked before anything is read or written, so that absurd input
/// (a megabyte name, a hundred thousand receivers) is INVALID_ARGUMENT naming the field rather
/// than work.
///
/// The numbers a request carries and their ranges: dates in years 1…9999 (`CalendarDate`);
/// `page_count` 0…``maxPageCount``; an upload's `size_bytes` 1…50 MB
/// (`Attachment.maxSizeBytes`), a chunk's `offset` 0…the bytes received so far, so that
/// `offset` plus the chunk's length stays far inside `Int64`; FetchAttachment's `offset`
/// 0…the attachment's size and `max_chunk_bytes` 0 (the default)…``maxChunkBytes``;
/// `page.page_size` 0…1000; enums only their named values.
enum ExchangeLimits {
  /// Idempotency keys, upload, attachment and document ids, unit codes.
  static let maxKeyLength = 128
  /// A DocumentId: an OrganId, a date, a number and a notation.
  static let maxDocumentIdLength = 300
  /// Names, positions, places, staff fields.
  static let maxLineLength = 500
  /// Reasons and notice details.
  static let maxTextLength = 2000
  /// Entries of metadata.recipients, receivers, unit lists.
  static let maxEntries = 1000
  /// Attachments of one document.
  static let maxAttachments = 100
  /// Documents a document answers.
  static let maxInReplyTo = 100
  /// Pages of one document (số trang).
  static let maxPageCount: Int32 = 100_000
  /// The largest chunk UploadChunk takes and FetchAttachment sends: well under gRPC's 4 MiB
  /// message limit.
  static let maxChunkBytes = 1 << 20
  /// FetchAttachment's chunk when the caller names none.
  static let defaultFetchChunkBytes = 64 << 10
  /// How long an uncommitted upload is kept: a day, in microseconds.
  static let uploadLifetimeMicroseconds: Int64 = 86_400 * 1_000_000
  /// Events a Watch reads from the store at a time.
  static let watchBatch = 200
  /// How long Watch waits between polls of a SQLite store when nothing is new (a PostgreSQL
  /// store wakes it by notice; see `ExchangePostgresStore.watchPoll`).
  static let watchPollMilliseconds = 150

  /// An optional key: at most ``maxKeyLength`` characters, no control characters.
  static func checkKey(_ key: String, field: String) throws(RPCError) {
    guard key.unicodeScalars.count <= maxKeyLength else {
      throw FieldError.invalid(field, "at most \(maxKeyLength) characters; got \(key.unicodeScalars.count)").rpcError
    }
    guard !key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
      throw FieldError.invalid(field, "contains a control character").rpcError
    }
  }

  /// A required id or key.
  static func requireKey(_ key: String, field: String) throws(RPCError) {
    guard !key.isEmpty else { throw FieldError.invalid(field, "required").rpcError }
    try checkKey(key, field: field)
  }

  /// A text of at most `max` characters (Unicode scalar values).
  static func checkLength(_ text: String, field: String, max: Int) throws(RPCError) {
    let length = text.unicodeScalars.count
    guard length <= max else { throw FieldError.invalid(field, "at most \(max) characters; got \(length)").rpcError }
  }

  /// A repeated field of at most `max` entries.
  static func checkCount(_ count: Int, field: String, max: Int) throws(RPCError) {
    guard count <= max else { throw FieldError.invalid(field, "at most \(max) entries; got \(count)").rpcError }
  }
}
