import ExchangeDomain
import Foundation
import ReformKit

/// The rows a send writes and the duplicate check's answers, the same for every engine: the
/// stores take the locks, the numbers and the keys, and insert these.
extension SendPlan {
  /// The row of the plan's document, but for the sent time, with the sender's confirmation when
  /// it duplicates any of `candidates` (the stored documents with its DocumentId or its
  /// duplicate key).
  ///
  /// - Throws: ``ExchangeDomain/DuplicateError`` when it duplicates one and no reason confirms it.
  func documentRow(among candidates: [DocumentRecord]) throws -> DocumentRecord {
    let key = outgoing.duplicateKey
    var document = DocumentRecord(
      documentId: outgoing.documentId.description, senderUnit: outgoing.sendingUnit, senderOrganId: outgoing.sender.organId,
      senderName: outgoing.sender.name, dupOrganId: key.organId.rawValue, dupYear: key.year, dupNumber: key.codeNumber,
      dupNotation: key.codeNotation, issuedDate: outgoing.issuedDate.iso, dueDate: outgoing.dueDate?.iso,
      urgency: outgoing.urgency.rawValue, subjectFolded: outgoing.searchableSubject, metadata: metadata,
      sentPrincipalId: principalId, sentDisplayName: displayName, sentUnit: outgoing.answeringUnit, sentUs: 0)
    let earlier = candidates.compactMap(\.parsedDocumentId)
    if let confirmation = try DuplicateCheck.admit(
      DuplicateCheck.matches(of: outgoing.documentId, among: earlier), reason: confirmDuplicateReason)
    {
      document.duplicateReason = confirmation.reason
      document.duplicateOf = confirmation.duplicateOf.map(\.description).joined(separator: "\n")
    }
    return document
  }
}

extension DocumentRecord {
  /// The stored DocumentId, nil when it no longer parses.
  var parsedDocumentId: DocumentId? { try? DocumentId(parsing: documentId) }

  /// The documents among `candidates` (oldest first) that `documentId` duplicates, by either
  /// rule: each match with the organ that sent it and who sent it when.
  static func duplicateMatches(of documentId: DocumentId, among candidates: [DocumentRecord])
    -> [(match: DuplicateMatch, sender: UnitOrgan, sent: StoredStamp)]
  {
    let parsed = candidates.map { (record: $0, id: $0.parsedDocumentId) }
    let matches = DuplicateCheck.matches(of: documentId, among: parsed.compactMap(\.id))
    return matches.compactMap { match in
      parsed.first { $0.id == match.documentId }.map { (match, $0.record.sender, $0.record.sent) }
    }
  }
}

extension DeliveryRecord {
  /// `receiver`'s copy of the document `docSeq`, arrived at `arrivalUs` with the arrival number
  /// `arrivalNumber` of its year, at 01; its key is the store's.
  init(arrivalOf docSeq: Int64, at receiver: UnitOrgan, arrivalNumber: Int64, arrivalUs: Int64) {
    let arrivalDay = CivilDate(Microseconds.date(arrivalUs))
    self.init(
      docSeq: docSeq, receiverUnit: receiver.unitCode, receiverOrganId: receiver.organId,
      receiverName: receiver.name, arrivalYear: arrivalDay.year, arrivalNumber: arrivalNumber,
      arrivalUs: arrivalUs, arrivalDate: arrivalDay.iso, status: NoticeCode.arrived.rawValue, recallStatus: 0,
      lastNoticeUs: arrivalUs)
  }
}

extension NoticeRecord {
  /// The 01 notice of the copy `deliverySeq`'s arrival at `timeUs`, recorded for the sender
  /// `sentUnit` by who sends `plan`; its key is the store's.
  init(arrivalOf deliverySeq: Int64, sending plan: SendPlan, sentUnit: String, timeUs: Int64) {
    self.init(
      noticeId: ExchangeIDs.make(.notice), deliverySeq: deliverySeq, code: NoticeCode.arrived.rawValue,
      bySender: false, detail: "", timeUs: timeUs, recordedPrincipalId: plan.principalId,
      recordedDisplayName: plan.displayName, recordedUnit: sentUnit)
  }
}
