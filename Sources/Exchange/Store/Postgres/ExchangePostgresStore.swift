import ExchangeDomain
import Foundation
import PostgresNIO
import ReformKit
import ReformStore
import Synchronization

/// The exchange's tables on PostgreSQL (``ExchangeStoring``), for workers on several hosts
/// sharing one database: the same tables and records as ``ExchangeStore``, kept correct under
/// concurrent writers by explicit locks rather than by SQLite's single writer.
///
/// How each write stays correct when workers on several hosts run it at once (every write is
/// one `READ COMMITTED` transaction, re-run on a deadlock; see ReformStore's
/// `PostgresStore`):
/// - **A keyed write** first takes the advisory lock of its idempotency key, then reads the
///   ledger: a repeat running at the same moment on another worker waits and then answers what
///   the first stored.
/// - **Send**: the advisory locks of the DocumentId and of the duplicate key (organ, year,
///   number, notation) make the duplicate check and the insert one step for that document; the
///   counter rows it needs — số đến of each receiver for the year, the Watch event number of
///   each unit told — are locked in one statement in one order and advanced in the same
///   transaction (`PostgresCounters`), so numbers are gapless, unique, and commit in order.
/// - **Notices and recall** lock the copies they change (`FOR UPDATE`) before replaying their
///   history through the status machine, so two notices on one copy apply one after the other.
/// - **Uploads**: a chunk, a commit or an abort locks its upload row; BeginUpload with a key
///   takes the key's advisory lock; the purge skips rows another transaction holds.
/// - **The unit directory**: an entry takes the advisory lock of its OrganId.
///
/// Watch events are numbered per unit: a cursor is a position in one unit's events, which a
/// reader sees in number order because each number is taken under that unit's counter lock.
///
/// A Watch is woken by `LISTEN`/`NOTIFY`: a transaction that writes events sends each unit's
/// code on the schema's channel (`pg_notify`, delivered when it commits), and each process
/// follows the channel through a connection of its own (``EventBell``), opened at its first
/// Watch. A notice lost with that connection costs at most ``watchPoll``: a Watch reads the
/// store again that often when no notice comes, and every Watch reads again when the process
/// listens anew. Notices take a lock at commit that orders every notifying commit of the
/// database; only event-writing transactions (sends, notices, recalls) send them.
///
/// Attachment content is in the database too (``PostgresContent``, `exchange_content`): an
/// upload's chunk is written in the transaction that advances the upload, and filed under its
/// SHA-256 in the one that commits it, so every worker on every host serves every attachment
/// and the same content is stored once.
final class ExchangePostgresStore: ExchangeStoring {
  /// The counters' table.
  static let counters = "exchange_counters"

  let database: PostgresStore
  /// The channel event-writing transactions notify, one per schema.
  let channel: String
  /// How long a Watch waits for a notice before it reads the store anyway.
  let watchPoll: Duration
  private let bell = EventBell()
  private let listener = Mutex<Task<Void, Never>?>(nil)

  /// A pool to `settings`' server for the tables in `schema`; migrations are applied before the
  /// first operation.
  init(settings: PostgresSettings, schema: String = "exchange", watchPoll: Duration = .seconds(1)) throws {
    database = try PostgresStore(
      settings: settings, name: ExchangeStore.name, schema: schema, migrations: ExchangeMigrations.postgres)
    channel = PostgresChannel.name("reform_exchange_events", schema: schema)
    self.watchPoll = watchPoll
  }

  deinit {
    listener.withLock { $0?.cancel() }
  }

  // MARK: Waking Watch calls

  func eventMark() -> UInt64 { bell.mark() }

  func awaitEvents(unitCode: String, since mark: UInt64) async throws {
    follow()
    try await bell.wait(unitCode: unitCode, since: mark, longest: watchPoll)
  }

  /// Whether this process follows the channel yet (it starts at the first Watch).
  var isListening: Bool { bell.hasListened }

  /// Starts following ``channel`` unless it is followed already.
  func follow() {
    listener.withLock { task in
      guard task == nil else { return }
      let (channel, settings, schema, bell) = (channel, database.settings, database.schema, bell)
      task = Task {
        await PostgresChannel.follow(
          channel, settings: settings, schema: schema, label: "reform.exchange.events",
          listening: { bell.listening() }, notice: { unitCode in bell.ring(unitCode) })
      }
    }
  }

  var ledger: IdempotencyLedger { ExchangeStore.ledger }

  // MARK: Uploads

  func upload(_ uploadId: String) async throws -> UploadRecord? {
    try await database.read { db in
      try await db.record(UploadRecord.self, "SELECT * FROM exchange_uploads WHERE upload_id = \(uploadId)")
    }
  }

  func beginUpload(_ upload: UploadRecord) async throws -> (upload: UploadRecord, created: Bool) {
    try await database.write { db in
      if let key = upload.idempotencyKey {
        try await Self.advisoryLock(["upload", upload.unitCode, key], db)
        if let earlier = try await db.record(
          UploadRecord.self,
          "SELECT * FROM exchange_uploads WHERE unit_code = \(upload.unitCode) AND idempotency_key = \(key)")
        {
          return (earlier, false)
        }
      }
      try await db.insert(upload, into: UploadRecord.databaseTableName)
      return (upload, true)
    }
  }

  func purgeExpiredUploads(nowUs: Int64, limit: Int) async throws -> [String] {
    try await database.write { db in
      let expired = try await db.records(
        UploadRecord.self,
        """
        SELECT * FROM exchange_uploads
        WHERE state != \(UploadRecord.State.committed.rawValue) AND expires_us < \(nowUs)
        LIMIT \(limit) FOR UPDATE SKIP LOCKED
        """)
      guard !expired.isEmpty else { return [] }
      try await db.execute("DELETE FROM exchange_uploads WHERE upload_id = ANY(\(expired.map(\.uploadId)))")
      return expired.map(\.fileName)
    }
  }

  func appendChunk(
    uploadId: String, offset: Int64, content: [UInt8], nowUs: Int64, blobs: BlobFolder
  ) async throws -> UploadRecord {
    try await database.write { db in
      var upload = try await Self.lockedUpload(uploadId, db)
      guard let chunk = try upload.takeChunk(content, at: offset, nowUs: nowUs) else { return upload }
      try await PostgresContent.insert(Array(chunk.bytes), of: upload.fileName, at: chunk.fileOffset, on: db)
      try await db.execute(
        "UPDATE exchange_uploads SET received_bytes = \(upload.receivedBytes) WHERE upload_id = \(uploadId)")
      return upload
    }
  }

  func commitUpload(
    uploadId: String, size: Int64, sha256: String, attachmentId: String, nowUs: Int64
  ) async throws -> AttachmentRecord {
    try await database.write { db in
      var upload = try await Self.lockedUpload(uploadId, db)
      if let committed = upload.committedAttachmentId,
        let attachment = try await db.record(
          AttachmentRecord.self, "SELECT * FROM exchange_attachments WHERE attachment_id = \(committed)")
      {
        return attachment
      }
      var attachment = try upload.commit(size: size, sha256: sha256, attachmentId: attachmentId, nowUs: nowUs)
      attachment.fileName = try await PostgresContent.file(upload.fileName, as: sha256, claim: attachmentId, nowUs: nowUs, on: db)
      try await db.insert(attachment, into: AttachmentRecord.databaseTableName)
      try await db.update(upload, in: UploadRecord.databaseTableName, key: "upload_id")
      return attachment
    }
  }

  func abortUpload(_ uploadId: String) async throws -> UploadRecord {
    try await database.write { db in
      var upload = try await Self.lockedUpload(uploadId, db)
      if try upload.abort() { try await db.update(upload, in: UploadRecord.databaseTableName, key: "upload_id") }
      return upload
    }
  }

  func attachments(_ ids: [String]) async throws -> [String: AttachmentRecord] {
    try await database.read { db in
      let found = try await db.records(AttachmentRecord.self, "SELECT * FROM exchange_attachments WHERE attachment_id = ANY(\(ids))")
      return Dictionary(found.map { ($0.attachmentId, $0) }, uniquingKeysWith: { first, _ in first })
    }
  }

  /// The upload `uploadId`, locked until the transaction ends.
  private static func lockedUpload(_ uploadId: String, _ db: PostgresConnection) async throws -> UploadRecord {
    guard let upload = try await db.record(UploadRecord.self, "SELECT * FROM exchange_uploads WHERE upload_id = \(uploadId) FOR UPDATE")
    else { throw UploadRecord.missing(uploadId) }
    return upload
  }

  /// Waits for, then holds until the transaction ends, the advisory lock named by `parts`.
  static func advisoryLock(_ parts: [String], _ db: PostgresConnection) async throws {
    let name = (["exchange"] + parts).joined(separator: "\u{1F}")
    try await db.execute("SELECT pg_advisory_xact_lock(hashtextextended(\(name), 0))")
  }

  // MARK: The unit directory

  func registerOrgan(_ organ: UnitOrgan) async throws {
    try await database.write { db in
      try await Self.advisoryLock(["organ", organ.organId], db)
      if let holder = try await db.record(OrganRecord.self, "SELECT * FROM exchange_organs WHERE organ_id = \(organ.organId)"),
        holder.unitCode != organ.unitCode
      {
        throw DirectoryConflict(organId: organ.organId, holder: holder.unitCode, claimant: organ.unitCode)
      }
      try await db.execute(
        """
        INSERT INTO exchange_organs (unit_code, organ_id, name) VALUES (\(organ.unitCode), \(organ.organId), \(organ.name))
        ON CONFLICT (unit_code) DO UPDATE SET organ_id = excluded.organ_id, name = excluded.name
        """)
    }
  }

  func organ(forUnit unitCode: String) async throws -> UnitOrgan? {
    try await database.read { db in
      try await db.record(OrganRecord.self, "SELECT * FROM exchange_organs WHERE unit_code = \(unitCode)")?.organ
    }
  }

  func unit(forOrgan organId: String) async throws -> UnitOrgan? {
    try await database.read { db in
      try await db.record(OrganRecord.self, "SELECT * FROM exchange_organs WHERE organ_id = \(organId)")?.organ
    }
  }

  func allOrgans() async throws -> [UnitOrgan] {
    try await database.read { db in
      try await db.records(OrganRecord.self, "SELECT * FROM exchange_organs ORDER BY unit_code").map(\.organ)
    }
  }

  // MARK: Watch events

  func latestEventSeq(unitCode: String) async throws -> Int64 {
    try await database.read { db in try await Self.latestEventSeq(unitCode: unitCode, db) }
  }

  static func latestEventSeq(unitCode: String, _ db: PostgresConnection) async throws -> Int64 {
    try await db.value(
      Int64.self,
      "SELECT COALESCE(MAX(seq), 0)::bigint FROM exchange_events WHERE unit_code = \(unitCode)") ?? 0
  }

  func events(unitCode: String, after cursor: Int64, includeNotices: Bool, limit: Int) async throws -> [WatchItem] {
    try await database.read { db in
      var statement: PostgresStatement = "SELECT * FROM exchange_events WHERE unit_code = \(unitCode) AND seq > \(cursor)"
      if !includeNotices { statement.append(" AND kind = \(EventRecord.Kind.arrival.rawValue)") }
      statement.append(" ORDER BY seq LIMIT \(limit)")
      let events = try await db.records(EventRecord.self, statement)
      guard !events.isEmpty else { return [] }
      let deliveries = try await db.records(
        DeliveryRecord.self, "SELECT * FROM exchange_deliveries WHERE delivery_seq = ANY(\(Array(Set(events.map(\.deliverySeq)))))")
      let documents = try await Self.documents(deliveries.map(\.docSeq), db)
      let notices = try await db.records(
        NoticeRecord.self, "SELECT * FROM exchange_notices WHERE notice_seq = ANY(\(events.compactMap(\.noticeSeq)))")
      return WatchItem.items(events, deliveries: deliveries, documents: documents, notices: notices)
    }
  }

  /// Writes the Watch events of `items` (unit, kind, copy, notice), each numbered from its
  /// unit's counter in `counters`, which must hold every unit's `event` key locked.
  /// Each unit told is notified on `channel`, once, when the transaction commits.
  static func insertEvents(
    _ items: [(unitCode: String, kind: EventRecord.Kind, deliverySeq: Int64, noticeSeq: Int64?)],
    notifying channel: String, counters: inout PostgresCounters, _ db: PostgresConnection
  ) async throws {
    for item in items {
      let seq = counters.next(eventKey(item.unitCode))
      try await db.execute(
        """
        INSERT INTO exchange_events (seq, unit_code, kind, delivery_seq, notice_seq)
        VALUES (\(seq), \(item.unitCode), \(item.kind.rawValue), \(item.deliverySeq), \(item.noticeSeq))
        """)
    }
    for unitCode in Set(items.map(\.unitCode)).sorted() {
      try await db.execute("SELECT pg_notify(\(channel), \(unitCode))")
    }
  }

  /// The counter of `unitCode`'s Watch events.
  static func eventKey(_ unitCode: String) -> PostgresCounters.Key { PostgresCounters.Key("event", unitCode) }
}
