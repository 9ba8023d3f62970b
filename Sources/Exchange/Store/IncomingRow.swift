/// A copy in a list, with its document.
struct IncomingRow: Sendable {
  var delivery: DeliveryRecord
  var document: StoredDocument
}
