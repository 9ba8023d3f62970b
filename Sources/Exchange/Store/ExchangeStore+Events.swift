import GRDB

extension ExchangeStore {
  /// The highest event sequence so far (0 before any), of every unit: SQLite numbers events
  /// across units, in commit order, under its single writer.
  func latestEventSeq(unitCode: String) async throws -> Int64 {
    try await database.read { db in try Self.latestEventSeq(db) }
  }

  static func latestEventSeq(_ db: Database) throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM exchange_events") ?? 0
  }

  /// Up to `limit` events of `unitCode` after `cursor`, in order; notices only when
  /// `includeNotices`.
  func events(unitCode: String, after cursor: Int64, includeNotices: Bool, limit: Int) async throws -> [WatchItem] {
    try await database.read { db in
      var request = EventRecord.filter(Column("unit_code") == unitCode && Column("seq") > cursor)
      if !includeNotices { request = request.filter(Column("kind") == EventRecord.Kind.arrival.rawValue) }
      let events = try request.order(Column("seq")).limit(limit).fetchAll(db)
      guard !events.isEmpty else { return [] }
      let deliveries = try DeliveryRecord.filter(keys: Set(events.map(\.deliverySeq))).fetchAll(db)
      let documents = try Self.documents(deliveries.map(\.docSeq), db)
      let notices = try NoticeRecord.filter(keys: events.compactMap(\.noticeSeq)).fetchAll(db)
      return WatchItem.items(events, deliveries: deliveries, documents: documents, notices: notices)
    }
  }
}
