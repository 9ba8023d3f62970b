/// One event of a unit's Watch stream with what it announces, read in one snapshot.
struct WatchItem: Sendable {
  var seq: Int64
  var kind: EventRecord.Kind
  var delivery: DeliveryRecord
  var document: StoredDocument
  /// Set for a notice event.
  var notice: NoticeRecord?
}
