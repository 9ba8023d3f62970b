import ExchangeDomain
import Foundation
import GRDB
import ReformStore

/// A row of `exchange_documents`: one document as sent, with the columns lists and the
/// duplicate check search on, and its whole metadata as the wire bytes of
/// `ExchangeDocumentMetadata` (normalized, DocumentId filled).
///
/// The same DocumentId may be stored more than once when a sender confirmed a duplicate; a call
/// that names a document by DocumentId means the latest one the reading unit is party to.
struct DocumentRecord: SnakeCaseRecord {
  static let databaseTableName = "exchange_documents"

  /// Assigned by the store: the document's internal key, increasing with the time of sending.
  var docSeq: Int64?
  var documentId: String
  /// Empty for an organ outside the registry (the issuer of an imported envelope).
  var senderUnit: String
  var senderOrganId: String
  var senderName: String
  /// The second duplicate rule's key (``ExchangeDomain/DuplicateKey``).
  var dupOrganId: String
  var dupYear: Int
  var dupNumber: String
  var dupNotation: String
  /// `yyyy-mm-dd`.
  var issuedDate: String
  /// `yyyy-mm-dd`; nil when none.
  var dueDate: String?
  var urgency: Int
  /// The subject folded for search (``SearchText``).
  var subjectFolded: String
  var metadata: Data
  var sentPrincipalId: String
  var sentDisplayName: String
  /// The unit that sent it and answers for it as sender (trace, recall, outbox): the sending
  /// unit, or for an envelope imported from an organ outside the registry, the importing unit.
  var sentUnit: String
  var sentUs: Int64
  var frozenPrincipalId: String?
  var frozenDisplayName: String?
  var frozenUnit: String?
  var frozenUs: Int64?
  /// Set when the sender confirmed a duplicate.
  var duplicateReason: String?
  /// The DocumentIds it duplicates, one per line.
  var duplicateOf: String?

  mutating func didInsert(_ inserted: InsertionSuccess) {
    docSeq = inserted.rowID
  }

  /// The sending organ (its unit empty for an organ outside the registry).
  var sender: UnitOrgan { UnitOrgan(unitCode: senderUnit, organId: senderOrganId, name: senderName) }

  var sent: StoredStamp {
    StoredStamp(principalId: sentPrincipalId, displayName: sentDisplayName, unitCode: sentUnit, microseconds: sentUs)
  }

  var frozen: StoredStamp? {
    StoredStamp(principalId: frozenPrincipalId, displayName: frozenDisplayName, unitCode: frozenUnit, microseconds: frozenUs)
  }

  /// Freezes the document (a receiver agreed to its recall) as `stamp` says.
  mutating func freeze(_ stamp: StoredStamp) {
    frozenPrincipalId = stamp.principalId
    frozenDisplayName = stamp.displayName
    frozenUnit = stamp.unitCode
    frozenUs = stamp.microseconds
  }
}
