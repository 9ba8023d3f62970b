import Crypto
import Foundation
import PostgresNIO
import ReformKit
import ReformStore

/// Attachment content in the shared PostgreSQL database: `exchange_content`, one row per
/// chunk of a file — (name, offset, bytes) — as uploads write them, a megabyte at most each.
/// Every worker on every host reads the same content; nothing is held whole in memory: reads
/// take the chunks that overlap what is asked, and hashing and copying stream the chunks in
/// order.
///
/// An upload's chunks are written by ``ExchangePostgresStore`` in the transaction that moves
/// the upload's received size, so a chunk and its bookkeeping commit together. Content the
/// edXML reader writes to files of ``folder`` is copied in (``adopt(_:)``) before the rows
/// that refer to it commit; content the edXML writer reads is copied out to a file of the
/// folder (``local(_:)``) and removed after.
struct PostgresContent: AttachmentContent {
  /// The bytes of one chunk when a file is taken in.
  static let chunkBytes = 1 << 20

  let database: PostgresStore
  let folder: BlobFolder

  func seal(_ name: String) async throws -> (size: Int64, sha256: String) {
    try await database.read { db in
      var hasher = SHA256()
      var size: Int64 = 0
      try await Self.chunks(of: name, from: 0, on: db) { offset, bytes in
        guard offset == size else {
          throw StoreFailure.corrupt(store: "exchange", detail: "content \(name) has a gap at byte \(size)")
        }
        hasher.update(data: bytes)
        size += Int64(bytes.count)
      }
      return (size, BlobFolder.hex(hasher.finalize()))
    }
  }

  func bytes(of name: String, at offset: Int64, count: Int) async throws -> [UInt8] {
    guard count > 0 else { return [] }
    let end = offset + Int64(count)
    return try await database.read { db in
      var bytes: [UInt8] = []
      bytes.reserveCapacity(count)
      let rows = try await db.query(
        """
        SELECT chunk_offset, bytes FROM exchange_content
        WHERE name = \(name) AND chunk_offset < \(end) AND chunk_offset + octet_length(bytes) > \(offset)
        ORDER BY chunk_offset
        """, logger: PostgresStore.queryLogger)
      for try await (chunkOffset, chunk) in rows.decode((Int64, Data).self) {
        guard chunkOffset <= offset + Int64(bytes.count) else { break }
        let from = Int(max(0, offset + Int64(bytes.count) - chunkOffset))
        let upTo = Int(min(Int64(chunk.count), end - chunkOffset))
        if from < upTo { bytes += chunk[chunk.startIndex + from..<chunk.startIndex + upTo] }
      }
      return bytes
    }
  }

  func remove(_ names: [String]) async {
    guard !names.isEmpty else { return }
    // What is not removed now (the database away) is left to no row: it costs space, not truth.
    _ = try? await database.write { db in try await db.execute("DELETE FROM exchange_content WHERE name = ANY(\(names))") }
  }

  func adopt(_ name: String) async throws {
    let folder = folder
    try await database.write { db in
      try await db.execute("DELETE FROM exchange_content WHERE name = \(name)")
      var offset: Int64 = 0
      while true {
        let chunk = try folder.fileBytes(of: name, at: offset, count: Self.chunkBytes)
        if chunk.isEmpty { break }
        try await Self.insert(chunk, of: name, at: offset, on: db)
        offset += Int64(chunk.count)
      }
    }
    folder.remove(name)
  }

  func local(_ name: String) async throws -> String {
    let local = "local-" + UUID().uuidString.lowercased()
    let folder = folder
    do {
      // The copy exists before the first chunk: an empty content has none.
      try folder.write([], to: local, at: 0)
      try await database.read { db in
        try await Self.chunks(of: name, from: 0, on: db) { offset, bytes in try folder.write(bytes, to: local, at: offset) }
      }
    } catch {
      folder.remove(local)
      throw error
    }
    return local
  }

  func release(_ local: String, of name: String) {
    folder.remove(local)
  }

  /// Stores `bytes` as the chunk of `name` at `offset`, in the transaction of `db`.
  static func insert(_ bytes: [UInt8], of name: String, at offset: Int64, on db: PostgresConnection) async throws {
    try await db.execute(
      """
      INSERT INTO exchange_content (name, chunk_offset, bytes) VALUES (\(name), \(offset), \(Data(bytes)))
      ON CONFLICT (name, chunk_offset) DO UPDATE SET bytes = excluded.bytes
      """)
  }

  /// Hands `body` each chunk of `name` from `offset` on, in order, as the rows arrive.
  private static func chunks(
    of name: String, from offset: Int64, on db: PostgresConnection, _ body: (Int64, Data) throws -> Void
  ) async throws {
    let rows = try await db.query(
      "SELECT chunk_offset, bytes FROM exchange_content WHERE name = \(name) AND chunk_offset >= \(offset) ORDER BY chunk_offset",
      logger: PostgresStore.queryLogger)
    for try await (chunkOffset, chunk) in rows.decode((Int64, Data).self) { try body(chunkOffset, chunk) }
  }
}
