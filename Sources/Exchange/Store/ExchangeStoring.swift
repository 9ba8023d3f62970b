import ExchangeDomain
import Foundation
import ReformKit
import ReformStore

/// What the exchange's handlers ask of storage, each call one transaction in the exchange's
/// terms: uploads and attachments, a send, a status notice or a recall, the reads of a document,
/// the lists, the Watch events and the counts, and the unit directory kept with them.
///
/// Failures are ReformKit's `StoreFailure` (busy, corrupt, failed), an ``ExchangeStoreRefusal``
/// naming the request field the stored state refuses, a domain refusal the transaction applied
/// (``ExchangeDomain/DuplicateError``, ``ExchangeDomain/TransitionError`` inside a
/// ``ReceiverRefusal``), ReformStore's `IdempotencyRefusal` for a key reused for another
/// request, or ``DirectoryConflict``. A write that carries an `IdempotencyClaim` answers a
/// repeat of the same request with the answer it kept the first time and writes nothing.
/// Nothing of the engine crosses: rows come back as the module's plain records.
///
/// ``ExchangeStore`` keeps it in SQLite; the handlers are generic over this protocol.
///
/// ## Topics
/// - Uploads: ``upload(_:)``, ``beginUpload(_:)``, ``purgeExpiredUploads(nowUs:limit:)``,
///   ``appendChunk(uploadId:offset:content:nowUs:blobs:)``,
///   ``commitUpload(uploadId:size:sha256:attachmentId:nowUs:)``, ``abortUpload(_:)``,
///   ``attachments(_:)``
/// - Sending: ``earlierAnswer(_:)``, ``send(_:clock:respond:)``, ``duplicateMatches(of:)``
/// - Notices: ``recordReceiverNotice(documentId:plan:clock:respond:)``,
///   ``recall(docSeq:receiverOrganIds:plan:clock:respond:)``
/// - Reads: ``bundle(documentId:partyUnit:withNotices:)``, ``inbox(_:)``, ``sent(_:)``,
///   ``overdue(_:)``, ``counts(unitCodes:days:overdueDay:)``, ``latestEventSeq(unitCode:)``,
///   ``events(unitCode:after:includeNotices:limit:)``
/// - The unit directory: ``registerOrgan(_:)``, ``organ(forUnit:)``, ``unit(forOrgan:)``,
///   ``allOrgans()``
protocol ExchangeStoring: Sendable {
  /// The upload `uploadId`, if there is one.
  func upload(_ uploadId: String) async throws -> UploadRecord?
  /// Stores `upload`, or returns the one its unit already began with the same idempotency key
  /// (`created` false), which the caller compares by fingerprint.
  func beginUpload(_ upload: UploadRecord) async throws -> (upload: UploadRecord, created: Bool)
  /// Deletes up to `limit` uploads that expired uncommitted before `nowUs` and returns their
  /// file names, for the caller to remove once the deletion is committed.
  func purgeExpiredUploads(nowUs: Int64, limit: Int) async throws -> [String]
  /// Writes the part of `content` at `offset` that extends the upload — into `blobs` beside
  /// SQLite, into the database's content beside PostgreSQL — one chunk of an upload at a time;
  /// a chunk wholly below what was received is ignored.
  func appendChunk(
    uploadId: String, offset: Int64, content: [UInt8], nowUs: Int64, blobs: BlobFolder
  ) async throws -> UploadRecord
  /// Seals an upload whose file holds `size` bytes with digest `sha256` as the attachment
  /// `attachmentId`; a committed upload returns its attachment.
  func commitUpload(
    uploadId: String, size: Int64, sha256: String, attachmentId: String, nowUs: Int64
  ) async throws -> AttachmentRecord
  /// Marks an open upload aborted and returns it; an aborted one is returned as it is.
  func abortUpload(_ uploadId: String) async throws -> UploadRecord
  /// The attachments `ids`, by id; missing ones are left out.
  func attachments(_ ids: [String]) async throws -> [String: AttachmentRecord]

  /// The answer kept for an earlier request with `claim`'s key, nil when there is none: read
  /// before any work, so that a repeat costs one lookup.
  func earlierAnswer(_ claim: IdempotencyClaim?) async throws -> Data?
  /// Sends `plan` in one transaction: answers a repeat of its key, refuses an unconfirmed
  /// duplicate, stores the document, each receiver's copy with its arrival number, the 01
  /// notices and the Watch events. `respond` makes the answer kept for repeats.
  func send(
    _ plan: SendPlan, clock: @escaping @Sendable () -> Date,
    respond: @escaping @Sendable (StoredDocument, [DeliveryRecord]) throws -> Data
  ) async throws -> SendOutcome
  /// The earlier documents that `documentId` duplicates, by either rule, oldest first: each
  /// match with the organ that sent it and who sent it when.
  func duplicateMatches(of documentId: DocumentId) async throws
    -> [(match: DuplicateMatch, sender: UnitOrgan, sent: StoredStamp)]

  /// Records a receiver's notice on its latest copy of `documentId` through the status
  /// machine; a repeat gets the kept answer back (`result` nil).
  func recordReceiverNotice(
    documentId: String, plan: NoticePlan, clock: @escaping @Sendable () -> Date,
    respond: @escaping @Sendable (NoticeResult) throws -> Data
  ) async throws -> (response: Data, result: NoticeResult?)
  /// Asks for the document `docSeq` back from `receiverOrganIds` (every copy that can take it
  /// when empty), all or none.
  func recall(
    docSeq: Int64, receiverOrganIds: [String], plan: NoticePlan, clock: @escaping @Sendable () -> Date,
    respond: @escaping @Sendable ([NoticeResult]) throws -> Data
  ) async throws -> Data

  /// The latest document sent as `documentId` that `partyUnit` sent or received (any, when
  /// nil), with its copies and, when `withNotices`, their notices.
  func bundle(documentId: String, partyUnit: String?, withNotices: Bool) async throws -> DocumentBundle?
  /// A page of a unit's copies, with the Watch cursor of the same snapshot.
  func inbox(_ query: InboxQuery) async throws -> (page: ListPage<IncomingRow>, cursor: Int64)
  /// A page of a unit's documents, each with every copy.
  func sent(_ query: SentQuery) async throws -> ListPage<(document: StoredDocument, deliveries: [DeliveryRecord])>
  /// A page of overdue copies, with each receiving unit's total over all pages.
  func overdue(_ query: OverdueQuery) async throws -> (page: ListPage<IncomingRow>, totals: [(String, Int)])
  /// Each unit's documents in `days`, and its copies overdue on `overdueDay`.
  func counts(unitCodes: [String], days: ClosedRange<CivilDate>, overdueDay: CivilDate) async throws
    -> [String: UnitCounts]
  /// The highest event sequence of `unitCode` so far (0 before any): the cursor of "from now".
  /// A store may number events across units (SQLite) or per unit (PostgreSQL); a cursor is
  /// only ever compared with events of its own unit.
  func latestEventSeq(unitCode: String) async throws -> Int64
  /// Up to `limit` events of `unitCode` after `cursor`, in order; notices only when
  /// `includeNotices`.
  func events(unitCode: String, after cursor: Int64, includeNotices: Bool, limit: Int) async throws -> [WatchItem]
  /// Where the store's wake-ups stand, taken before reading ``events(unitCode:after:includeNotices:limit:)``.
  func eventMark() -> UInt64
  /// Returns when events of `unitCode` may have been written since `mark` (by this process or
  /// another), or when the store's poll interval has passed.
  ///
  /// - Throws: `CancellationError` when the task is cancelled.
  func awaitEvents(unitCode: String, since mark: UInt64) async throws

  /// Records that `organ.unitCode` is addressed as `organ.organId`, replacing the unit's entry.
  func registerOrgan(_ organ: UnitOrgan) async throws
  /// The entry of unit `unitCode`, if it has one.
  func organ(forUnit unitCode: String) async throws -> UnitOrgan?
  /// The unit that holds `organId`, if any.
  func unit(forOrgan organId: String) async throws -> UnitOrgan?
  /// Every entry, by unit code.
  func allOrgans() async throws -> [UnitOrgan]
}

extension ExchangeStoring {
  /// A store that hears of no writes polls: every mark is the same.
  func eventMark() -> UInt64 { 0 }

  /// Sleeps ``ExchangeLimits/watchPollMilliseconds``: SQLite tells no one of a commit, and
  /// other processes write the same file.
  func awaitEvents(unitCode: String, since mark: UInt64) async throws {
    try await Task.sleep(for: .milliseconds(ExchangeLimits.watchPollMilliseconds))
  }

  /// The document without its notices (``bundle(documentId:partyUnit:withNotices:)``).
  func bundle(documentId: String, partyUnit: String?) async throws -> DocumentBundle? {
    try await bundle(documentId: documentId, partyUnit: partyUnit, withNotices: false)
  }

  /// Up to a hundred expired uploads purged (``purgeExpiredUploads(nowUs:limit:)``).
  func purgeExpiredUploads(nowUs: Int64) async throws -> [String] {
    try await purgeExpiredUploads(nowUs: nowUs, limit: 100)
  }
}
