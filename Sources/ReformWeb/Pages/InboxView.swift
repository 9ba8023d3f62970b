import Foundation
import ReformWire

/// Văn bản đến: a unit's inbox as the exchange orders it (urgent first), overdue copies marked.
struct InboxView: Sendable {
  /// The first page only; the page says when there are more.
  static let pageSize: Int32 = 200

  struct Item: Sendable {
    let arrival: String
    let arrived: String
    let number: String
    let subject: String
    let link: String
    let sender: String
    let urgency: String
    let urgent: Bool
    let due: String
    let overdue: Bool
    let status: String
  }

  let session: SessionView
  let unit: String
  let items: [Item]
  let count: Int
  let more: Bool
  /// No unit chosen yet.
  let prompt: Bool

  init(session: ConsoleSession, unit: String, response: ExchangeListInboxResponse) {
    self.session = SessionView(session)
    self.unit = unit
    items = response.items.map { incoming in
      let document = incoming.document ?? ExchangeDocument()
      let metadata = document.metadata ?? ExchangeDocumentMetadata()
      let delivery = incoming.delivery ?? ExchangeDelivery()
      return Item(
        arrival: ConsoleText.arrival(delivery), arrived: ConsoleText.time(delivery.arrivalTime),
        number: DocumentView.number(metadata), subject: metadata.subject,
        link: DocumentView.link(id: document.documentId, unit: unit), sender: ConsoleText.organ(document.sender),
        urgency: ConsoleText.urgency(metadata.urgency), urgent: metadata.urgency.rawValue >= ExchangeUrgency.urgent.rawValue,
        due: ConsoleText.day(metadata.dueDate), overdue: delivery.overdue, status: ConsoleText.status(delivery))
    }
    count = items.count
    more = !(response.page?.nextPageToken ?? "").isEmpty
    prompt = unit.isEmpty
  }
}
