import ExchangeDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformWire

extension ExchangeHandlers {
  /// ListInbox: a unit's copies, urgent first then by arrival, filtered, a page at a time, with
  /// a Watch cursor of the same moment.
  func listInbox(_ request: ExchangeListInboxRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeListInboxResponse
  {
    let unit = try Acting.requiredUnit(request.unitCode, field: "unit_code", context)
    let cursor = try PageCursor(request.page, list: "inbox")
    try ExchangeLimits.checkCount(request.statuses.count, field: "statuses", max: 16)
    try ExchangeLimits.checkCount(request.urgencies.count, field: "urgencies", max: 16)
    var statuses: [Int] = []
    for (index, status) in request.statuses.enumerated() {
      guard let code = NoticeCode(rawValue: Int(status.rawValue)), code.isProcessingState else {
        throw FieldError.invalid("statuses[\(index)]", "\(status) is not a processing state: use 01 to 06").rpcError
      }
      statuses.append(code.rawValue)
    }
    var urgencies: [Int] = []
    for (index, urgency) in request.urgencies.enumerated() {
      guard let level = Urgency(rawValue: Int(urgency.rawValue)) else {
        throw FieldError.invalid("urgencies[\(index)]", "\(urgency) is not an urgency: use 1 (thường) to 4 (hỏa tốc)").rpcError
      }
      urgencies.append(level.rawValue)
    }
    let dates = try request.arrivalDates.map { range throws(RPCError) in try range.civil(field: "arrival_dates") }
    try ExchangeLimits.checkLength(request.subjectContains, field: "subject_contains", max: DocumentMetadata.maxSubjectLength)
    var after: (Int64, Int64, Int64, Int64)?
    if cursor.after != nil {
      after = (try cursor.integer(at: 0), try cursor.integer(at: 1), try cursor.integer(at: 2), try cursor.integer(at: 3))
    }
    let today = self.today
    let query = InboxQuery(
      unitCode: unit, statuses: statuses, urgencies: urgencies, arrivalDates: dates, overdueOnly: request.overdueOnly,
      includeVoided: request.includeVoided, subjectPattern: Self.pattern(request.subjectContains),
      newestFirst: request.newestFirst, today: today, pageSize: cursor.size, after: after)
    let (page, watchFrom) = try await guarded("ListInbox") { try await store.inbox(query) }
    context.audit.record(target: "inbox", unit: unit)
    let lastKey = page.items.last.flatMap { last in
      last.delivery.deliverySeq.map { seq in
        [
          String(last.document.record.urgency), String(last.delivery.arrivalYear), String(last.delivery.arrivalNumber),
          String(seq),
        ]
      }
    }
    return ExchangeListInboxResponse(
      items: try page.items.map { row throws(RPCError) in try Self.incoming(row, today: today) },
      page: cursor.response(hasMore: page.hasMore, lastKey: lastKey, totalCount: page.totalCount),
      watchCursor: WatchCursor.text(watchFrom))
  }

  /// ListSent: a unit's documents, newest first, each with every copy.
  func listSent(_ request: ExchangeListSentRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeListSentResponse
  {
    let unit = try Acting.requiredUnit(request.unitCode, field: "unit_code", context)
    let cursor = try PageCursor(request.page, list: "sent")
    let dates = try request.issuedDates.map { range throws(RPCError) in try range.civil(field: "issued_dates") }
    try ExchangeLimits.checkLength(request.subjectContains, field: "subject_contains", max: DocumentMetadata.maxSubjectLength)
    let after = cursor.after == nil ? nil : try cursor.integer(at: 0)
    let today = self.today
    let query = SentQuery(
      unitCode: unit, issuedDates: dates, subjectPattern: Self.pattern(request.subjectContains),
      overdueOnly: request.overdueOnly, today: today, pageSize: cursor.size, afterDocSeq: after)
    let page = try await guarded("ListSent") { try await store.sent(query) }
    context.audit.record(target: "sent", unit: unit)
    return ExchangeListSentResponse(
      items: try page.items.map { item throws(RPCError) in
        ExchangeOutgoing(
          document: try WireDocument(item.document),
          deliveries: item.deliveries.map { ExchangeDelivery($0, dueDate: item.document.record.dueDate, today: today) })
      },
      page: cursor.response(
        hasMore: page.hasMore, lastKey: page.items.last?.document.record.docSeq.map { [String($0)] },
        totalCount: page.totalCount))
  }

  /// Watch: the unit's new arrivals (and, when asked, notices) after the cursor, in order,
  /// read again whenever the store says some may have been written (by any process: on
  /// PostgreSQL a notice, on SQLite a poll); it ends when the job is cancelled.
  /// Each event carries its own cursor, so a client that reconnects with the last one it saw
  /// loses nothing and sees nothing twice.
  func watch(_ request: ExchangeWatchRequest, _ context: JobContext, _ writer: JobStreamWriter<ExchangeWatchEvent>)
    async throws(RPCError)
  {
    let unit = try Acting.requiredUnit(request.unitCode, field: "unit_code", context)
    context.audit.record(target: "watch", unit: unit)
    do {
      let latest = try await store.latestEventSeq(unitCode: unit)
      var cursor = request.cursor.isEmpty ? latest : try WatchCursor.parse(request.cursor, latest: latest)
      while true {
        let mark = store.eventMark()
        let items = try await store.events(
          unitCode: unit, after: cursor, includeNotices: request.includeNotices, limit: ExchangeLimits.watchBatch)
        let today = self.today
        for item in items {
          try await writer.write(try Self.event(item, today: today))
          cursor = item.seq
        }
        if items.count < ExchangeLimits.watchBatch {
          try await store.awaitEvents(unitCode: unit, since: mark)
        }
      }
    } catch is CancellationError {
      return
    } catch let error as RPCError {
      throw error
    } catch {
      throw RPCError.internalFailure("Watch", error)
    }
  }

  /// A copy in a list, as the protocol's `ExchangeIncoming`.
  static func incoming(_ row: IncomingRow, today: CivilDate) throws(RPCError) -> ExchangeIncoming {
    ExchangeIncoming(
      document: try WireDocument(row.document),
      delivery: ExchangeDelivery(row.delivery, dueDate: row.document.record.dueDate, today: today))
  }

  private static func event(_ item: WatchItem, today: CivilDate) throws(RPCError) -> ExchangeWatchEvent {
    let event: ExchangeWatchEvent.Event
    if item.kind == .notice, let notice = item.notice {
      event = .notice(ExchangeNotice(notice, delivery: item.delivery, document: item.document.record))
    } else {
      event = .arrival(try incoming(IncomingRow(delivery: item.delivery, document: item.document), today: today))
    }
    return ExchangeWatchEvent(cursor: WatchCursor.text(item.seq), event: event)
  }

  /// The `LIKE` pattern for a subject filter; nil when the filter is blank.
  static func pattern(_ subjectContains: String) -> String? {
    subjectContains.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : SearchText.likePattern(subjectContains)
  }
}
