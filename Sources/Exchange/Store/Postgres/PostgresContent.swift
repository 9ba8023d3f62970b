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
/// **Content-addressed.** Attachment content is stored once per SHA-256, under the name
/// `sha256-` and the digest, with a row in `exchange_content_objects`: the same circular
/// uploaded by forty units, or imported again from edXML, is one copy, which every attachment
/// with that digest names as its file. An upload's chunks are written under the upload's name
/// by ``ExchangePostgresStore``, in the transaction that moves the upload's received size; the
/// commit files them under the digest (``file(_:as:claim:nowUs:on:)``), in the transaction
/// that writes the attachment row, or drops them when that content is stored already. Content
/// the edXML reader writes to files of ``folder`` is copied in (``adopt(_:sha256:)``) before the
/// rows that refer to it commit; content the edXML writer reads is copied out to a file of the
/// folder (``local(_:)``) and removed after.
///
/// **Removal, with content shared.** Stored content is never removed because one attachment
/// goes: only content that no attachment names. Each taking-in of content claims its object
/// row (`claimed_by`, `touched_us`, under the row's lock); an import that fails takes back only
/// content whose claim is still its own and that no attachment names (``disown(_:stored:)``),
/// and what is left of a worker that stopped between the two is removed by ``sweep(untouchedSince:)``
/// once untouched for an upload's lifetime. Which content is stored once is not visible to a
/// caller: every answer is the same as with a copy per attachment.
struct PostgresContent: AttachmentContent {
  /// The bytes of one chunk when a file is taken in.
  static let chunkBytes = 1 << 20

  let database: PostgresStore
  let folder: BlobFolder
  /// The module's clock, for the claims' times the sweep compares with its cutoff.
  let clock: @Sendable () -> Date

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

  func adopt(_ name: String, sha256: String) async throws -> String {
    let folder = folder
    let stored = Self.addressed(sha256)
    let nowUs = Microseconds.of(clock())
    try await database.write { db in
      guard try await Self.claim(stored, by: name, pending: true, nowUs: nowUs, on: db) else { return }
      var offset: Int64 = 0
      while true {
        let chunk = try folder.fileBytes(of: name, at: offset, count: Self.chunkBytes)
        if chunk.isEmpty { break }
        try await Self.insert(chunk, of: stored, at: offset, on: db)
        offset += Int64(chunk.count)
      }
    }
    folder.remove(name)
    return stored
  }

  func disown(_ name: String, stored: String) async {
    // What is not removed now (the database away) is left to the sweep.
    _ = try? await database.write { db in
      let gone = try await db.rows(
        """
        DELETE FROM exchange_content_objects o WHERE o.name = \(stored) AND o.claimed_by = \(name)
        AND NOT EXISTS (SELECT 1 FROM exchange_attachments a WHERE a.file_name = o.name) RETURNING o.name
        """)
      if !gone.isEmpty { try await db.execute("DELETE FROM exchange_content WHERE name = \(stored)") }
    }
    folder.remove(name)
  }

  func sweep(untouchedSince cutoffUs: Int64) async {
    _ = try? await database.write { db in
      try await db.execute(
        """
        WITH old AS (
          SELECT name FROM exchange_content_objects WHERE pending AND touched_us < \(cutoffUs)
          ORDER BY touched_us LIMIT \(Self.sweepBatch) FOR UPDATE SKIP LOCKED
        ), settled AS (
          UPDATE exchange_content_objects o SET pending = FALSE FROM old
          WHERE o.name = old.name AND EXISTS (SELECT 1 FROM exchange_attachments a WHERE a.file_name = o.name)
        ), gone AS (
          DELETE FROM exchange_content_objects o USING old
          WHERE o.name = old.name AND NOT EXISTS (SELECT 1 FROM exchange_attachments a WHERE a.file_name = o.name)
          RETURNING o.name
        )
        DELETE FROM exchange_content WHERE name IN (SELECT name FROM gone)
        """)
    }
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

  /// The name content with digest `sha256` is stored under.
  static func addressed(_ sha256: String) -> String { "sha256-" + sha256 }

  /// Files the chunks of upload `name`, with digest `sha256`, as content-addressed content, in
  /// the transaction of `db` that writes the attachment row naming it: moved under the digest's
  /// name, or dropped when that content is stored already. Returns the stored name.
  static func file(_ name: String, as sha256: String, claim: String, nowUs: Int64, on db: PostgresConnection) async throws
    -> String
  {
    let stored = addressed(sha256)
    if try await Self.claim(stored, by: claim, pending: false, nowUs: nowUs, on: db) {
      try await db.execute("UPDATE exchange_content SET name = \(stored) WHERE name = \(name)")
    } else {
      try await db.execute("DELETE FROM exchange_content WHERE name = \(name)")
    }
    return stored
  }

  /// Stores `bytes` as the chunk of `name` at `offset`, in the transaction of `db`.
  static func insert(_ bytes: [UInt8], of name: String, at offset: Int64, on db: PostgresConnection) async throws {
    try await db.execute(
      """
      INSERT INTO exchange_content (name, chunk_offset, bytes) VALUES (\(name), \(offset), \(Data(bytes)))
      ON CONFLICT (name, chunk_offset) DO UPDATE SET bytes = excluded.bytes
      """)
  }

  /// Claims the object row of `stored` for `claimant` (an upload's or attachment's id), taking
  /// its lock until the transaction ends: a row made afresh, or the stored one touched now and
  /// claimed anew, so that neither a failed import's ``disown(_:stored:)`` of an earlier claim nor
  /// the sweep removes it. True when the row is new and its content is still to be written.
  /// `pending` marks content no attachment row names yet in this transaction (an import's).
  private static func claim(
    _ stored: String, by claimant: String, pending: Bool, nowUs: Int64, on db: PostgresConnection
  ) async throws -> Bool {
    try await db.value(
      Bool.self,
      """
      INSERT INTO exchange_content_objects (name, claimed_by, pending, touched_us) VALUES (\(stored), \(claimant), \(pending ? 1 : 0) <> 0, \(nowUs))
      ON CONFLICT (name) DO UPDATE SET claimed_by = excluded.claimed_by, pending = exchange_content_objects.pending OR excluded.pending,
        touched_us = excluded.touched_us
      RETURNING xmax = 0
      """) ?? false
  }

  /// The most objects one sweep looks at.
  private static let sweepBatch = 100

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
