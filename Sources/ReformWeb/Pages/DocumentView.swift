import Foundation
import ReformWire

/// One document as the reading unit may see it: its particulars, the unit's copy when it
/// received it, every receiver's copy when it sent it, and its attachments.
struct DocumentView: Sendable {
  struct Delivery: Sendable {
    let unit: String
    let receiver: String
    let arrival: String
    let arrived: String
    let status: String
    let lastNotice: String
    let overdue: Bool
  }

  struct Attachment: Sendable {
    let name: String
    let size: String
  }

  let session: SessionView
  let back: String
  let id: String
  let subject: String
  let number: String
  let kind: String
  let sender: String
  let issued: String
  let signer: String
  let urgency: String
  let due: String
  let overdue: Bool
  let delivery: Delivery?
  let deliveries: [Delivery]
  let hasDeliveries: Bool
  let attachments: [Attachment]

  init(session: ConsoleSession, unit: String, response: ExchangeGetDocumentResponse) {
    self.session = SessionView(session)
    back = "/console/van-ban-den?don-vi=" + Console.queryEscaped(unit)
    let document = response.document ?? ExchangeDocument()
    let metadata = document.metadata ?? ExchangeDocumentMetadata()
    id = document.documentId
    subject = metadata.subject
    number = Self.number(metadata)
    kind = metadata.documentType?.name ?? "—"
    sender = ConsoleText.organ(document.sender)
    issued = ConsoleText.day(metadata.issuedDate)
    signer = metadata.signer.map { [$0.position, $0.fullName].filter { !$0.isEmpty }.joined(separator: " ") } ?? "—"
    urgency = ConsoleText.urgency(metadata.urgency)
    due = ConsoleText.day(metadata.dueDate)
    let copy = { (delivery: ExchangeDelivery) in
      Delivery(
        unit: unit, receiver: ConsoleText.organ(delivery.receiver), arrival: ConsoleText.arrival(delivery),
        arrived: ConsoleText.time(delivery.arrivalTime), status: ConsoleText.status(delivery),
        lastNotice: ConsoleText.time(delivery.lastNoticeTime), overdue: delivery.overdue)
    }
    delivery = response.delivery.map(copy)
    overdue = response.delivery?.overdue ?? false
    deliveries = response.deliveries.map(copy)
    hasDeliveries = !deliveries.isEmpty
    attachments = document.attachments.map { Attachment(name: $0.name, size: ConsoleText.size($0.sizeBytes)) }
  }

  /// Số, ký hiệu: `12/QĐ-ĐUK`.
  static func number(_ metadata: ExchangeDocumentMetadata) -> String {
    [metadata.codeNumber, metadata.codeNotation].filter { !$0.isEmpty }.joined(separator: "/")
  }

  /// The document's page, read as `unit`.
  static func link(id: String, unit: String) -> String {
    "/console/van-ban?id=\(Console.queryEscaped(id))&don-vi=\(Console.queryEscaped(unit))"
  }
}
