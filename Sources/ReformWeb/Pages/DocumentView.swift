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
    let link: String
  }

  struct NoticeChoice: Sendable {
    let code: Int32
    let name: String
  }

  let session: SessionView
  let back: String
  let backLabel: String
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
  let unit: String
  let formToken: String
  /// A fresh idempotency key in each form, so a form sent twice acts once.
  let key = UUID().uuidString
  /// The receiving unit's clerk moves its copy along; the sender asks for it back.
  let canNotice: Bool
  let canRecall: Bool
  let noticeChoices: [NoticeChoice]
  let history: [Notice]
  let hasHistory: Bool

  struct Notice: Sendable {
    let time: String
    let receiver: String
    let code: String
    let detail: String
    let staff: String
  }

  init(session: ConsoleSession, unit: String, response: ExchangeGetDocumentResponse, trace: ExchangeTrace? = nil) {
    self.session = SessionView(session)
    // The sender came from its outbox, a receiver from its inbox.
    let sent = response.delivery == nil && !response.deliveries.isEmpty
    back = (sent ? "/console/van-ban-di?don-vi=" : "/console/van-ban-den?don-vi=") + Console.queryEscaped(unit)
    backLabel = sent ? "Văn bản đi" : "Văn bản đến"
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
    attachments = document.attachments.map {
      Attachment(
        name: $0.name, size: ConsoleText.size($0.sizeBytes),
        link: "/console/van-ban/tep?id=\(Console.queryEscaped(document.documentId))&tep=\(Console.queryEscaped($0.attachmentId))&don-vi=\(Console.queryEscaped(unit))")
    }
    self.unit = unit
    formToken = session.formToken
    let roles = session.principal.roles
    let acts = roles.contains(.admin) || (roles.contains(.clerk) && session.principal.unitCode == unit)
    canNotice = acts && response.delivery != nil
    canRecall = acts && !response.deliveries.isEmpty
    noticeChoices = Console.noticeCodes.map { NoticeChoice(code: $0.rawValue, name: ConsoleText.notice($0)) }
    // A receiver's copy's notices, or the sender's view: every receiver's, oldest first.
    let receivers = trace?.receivers ?? [ExchangeReceiverTrace(delivery: response.delivery, notices: response.notices)]
    history = receivers.flatMap { receiver in
      receiver.notices.map { notice in
        (
          notice.time?.date ?? .distantPast,
          Notice(
            time: ConsoleText.time(notice.time), receiver: ConsoleText.organ(receiver.delivery?.receiver ?? notice.fromOrgan),
            code: ConsoleText.notice(notice.code), detail: notice.detail, staff: notice.staff?.fullName ?? "")
        )
      }
    }.sorted { $0.0 < $1.0 }.map(\.1)
    hasHistory = !history.isEmpty
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
