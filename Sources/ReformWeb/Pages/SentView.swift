import Foundation
import ReformWire

/// Văn bản đi: what a unit sent, newest first, with how far its receivers have taken it.
struct SentView: Sendable {
  struct Item: Sendable {
    let issued: String
    let number: String
    let subject: String
    let link: String
    let receivers: Int
    let done: Int
    let overdue: Bool
  }

  let session: SessionView
  let unit: String
  let items: [Item]
  let count: Int
  let more: Bool
  let prompt: Bool

  init(session: ConsoleSession, unit: String, response: ExchangeListSentResponse) {
    self.session = SessionView(session)
    self.unit = unit
    items = response.items.map { outgoing in
      let document = outgoing.document ?? ExchangeDocument()
      let metadata = document.metadata ?? ExchangeDocumentMetadata()
      return Item(
        issued: ConsoleText.day(metadata.issuedDate), number: DocumentView.number(metadata), subject: metadata.subject,
        link: DocumentView.link(id: document.documentId, unit: unit), receivers: outgoing.deliveries.count,
        done: outgoing.deliveries.filter { $0.status == .done }.count, overdue: outgoing.deliveries.contains(where: \.overdue))
    }
    count = items.count
    more = !(response.page?.nextPageToken ?? "").isEmpty
    prompt = unit.isEmpty
  }
}
