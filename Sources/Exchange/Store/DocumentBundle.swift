/// A document with every copy of it and, when asked, every notice about each copy.
struct DocumentBundle: Sendable {
  var document: StoredDocument
  /// In the order they were delivered.
  var deliveries: [DeliveryRecord]
  /// By copy (`delivery_seq`), oldest first; empty unless asked for.
  var notices: [Int64: [NoticeRecord]]
}
