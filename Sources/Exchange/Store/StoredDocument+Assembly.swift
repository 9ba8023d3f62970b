/// The read results put together from rows already fetched, the same for every engine.
extension StoredDocument {
  /// The documents `records` with their attachments, by key: `links` (every link of those
  /// documents, by document then position) says which of `attachments` each has, in order.
  static func byDocSeq(
    _ records: [DocumentRecord], links: [DocumentAttachmentRecord], attachments: [AttachmentRecord]
  ) -> [Int64: StoredDocument] {
    let byId = Dictionary(attachments.map { ($0.attachmentId, $0) }, uniquingKeysWith: { first, _ in first })
    var result: [Int64: StoredDocument] = [:]
    for record in records {
      guard let docSeq = record.docSeq else { continue }
      let own = links.filter { $0.docSeq == docSeq }.compactMap { byId[$0.attachmentId] }
      result[docSeq] = StoredDocument(record: record, attachments: own)
    }
    return result
  }
}

extension WatchItem {
  /// The Watch items of `events`, in their order, with the copies (`deliveries`), documents (by
  /// key) and notices they name; an event whose copy or document is missing is left out.
  static func items(
    _ events: [EventRecord], deliveries: [DeliveryRecord], documents: [Int64: StoredDocument], notices: [NoticeRecord]
  ) -> [WatchItem] {
    let deliveryBySeq = Dictionary(deliveries.compactMap { d in d.deliverySeq.map { ($0, d) } }, uniquingKeysWith: { a, _ in a })
    let noticeBySeq = Dictionary(notices.compactMap { n in n.noticeSeq.map { ($0, n) } }, uniquingKeysWith: { a, _ in a })
    return events.compactMap { event in
      guard let seq = event.seq, let delivery = deliveryBySeq[event.deliverySeq],
        let document = documents[delivery.docSeq]
      else { return nil }
      return WatchItem(
        seq: seq, kind: event.kind, delivery: delivery, document: document,
        notice: event.noticeSeq.flatMap { noticeBySeq[$0] })
    }
  }
}
