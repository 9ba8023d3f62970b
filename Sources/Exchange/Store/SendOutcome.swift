import Foundation

/// What a send did: sent now, or answered from an earlier request with the same key.
enum SendOutcome: Sendable {
  /// Sent: the stored document and its copies, and the answer as kept for repeats.
  case sent(StoredDocument, [DeliveryRecord], response: Data)
  /// A repeat: the first answer's wire bytes.
  case replayed(Data)
}
