/// A copy's state after a notice, with the notice and the document, as the notice calls answer.
struct NoticeResult: Sendable {
  var document: DocumentRecord
  var delivery: DeliveryRecord
  var notice: NoticeRecord
}
