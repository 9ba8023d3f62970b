import Foundation

/// Where attachment content is kept: files in the worker's data folder (``BlobFolder``, beside a
/// SQLite store), or, for workers on several hosts, the shared PostgreSQL database
/// (``PostgresContent``), so that an attachment uploaded through one host is served by any.
///
/// Content is named as the store's rows name it (an upload's or attachment's file name) and is
/// read in chunks, never whole. The edXML reader and writer work synchronously, so they read
/// and write files of ``folder``: a copy of stored content made for them (``local(_:)``) and
/// files they wrote taken into the store (``adopt(_:sha256:)``) before any row refers to them.
protocol AttachmentContent: Sendable {
  /// The local folder: the content itself for a folder; where content is staged for the
  /// synchronous edXML reader and writer for the database.
  var folder: BlobFolder { get }

  /// The size and SHA-256 (lower-case hex) of `name`'s content, made durable.
  func seal(_ name: String) async throws -> (size: Int64, sha256: String)

  /// Up to `count` bytes of `name` from `offset`; fewer only at the end.
  func bytes(of name: String, at offset: Int64, count: Int) async throws -> [UInt8]

  /// Removes the content of `names`; a missing one is not an error.
  func remove(_ names: [String]) async

  /// Takes file `name` of ``folder``, complete, with digest `sha256`, into the store, and
  /// returns the name its content is stored under: the attachment row's file name.
  func adopt(_ name: String, sha256: String) async throws -> String

  /// Takes back what ``adopt(_:sha256:)`` of `name` stored as `stored`, for an import that
  /// failed or was a replay — unless other attachments share that content.
  func disown(_ name: String, stored: String) async

  /// Removes content that no attachment names and that nothing took in since `cutoffUs`: what
  /// a worker stopped between taking content in and writing its rows left behind.
  func sweep(untouchedSince cutoffUs: Int64) async

  /// The name, in ``folder``, of a file holding `name`'s content; hand it to ``release(_:)``
  /// when done.
  func local(_ name: String) async throws -> String

  /// Lets go of a file ``local(_:)`` gave.
  func release(_ local: String, of name: String)
}

extension BlobFolder: AttachmentContent {
  var folder: BlobFolder { self }

  func seal(_ name: String) async throws -> (size: Int64, sha256: String) { try sealFile(name) }

  func bytes(of name: String, at offset: Int64, count: Int) async throws -> [UInt8] {
    try fileBytes(of: name, at: offset, count: count)
  }

  func remove(_ names: [String]) async {
    for name in names { remove(name) }
  }

  /// The folder is the store: a file written in it is there already, under its own name.
  func adopt(_ name: String, sha256: String) async throws -> String { name }

  func disown(_ name: String, stored: String) async { remove(name) }

  /// A file belongs to one attachment and goes with its import: nothing is left to sweep.
  func sweep(untouchedSince cutoffUs: Int64) async {}

  func local(_ name: String) async throws -> String { name }

  func release(_ local: String, of name: String) {}
}
