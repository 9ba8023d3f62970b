import ReformKit

/// Where one entry of the protocol's `metadata.recipients` went in the domain's metadata: the
/// domain keeps organs with an OrganId (`recipients`) apart from printed-only entries
/// (`unaddressedRecipients`), and the slots put them back in the caller's order.
enum RecipientSlot: Sendable, Hashable {
  /// `recipients[index]` of the domain.
  case addressed(Int)
  /// `unaddressedRecipients[index]` of the domain.
  case unaddressed(Int)

  /// Addressed organs first, then printed-only ones: the order of an edXML envelope.
  static func envelopeOrder(addressed: Int, unaddressed: Int) -> [RecipientSlot] {
    (0..<addressed).map { .addressed($0) } + (0..<unaddressed).map { .unaddressed($0) }
  }

  /// The domain's field path for an error on `slots`'s protocol entries mapped back:
  /// `metadata.recipients[1].organId` (domain, addressed 1) becomes
  /// `metadata.recipients[3].organ_id` when the caller listed it fourth.
  static func protoPath(_ domainField: String, slots: [RecipientSlot]) -> String {
    if let entry = FieldPath.entry(domainField), entry.list == "metadata.recipients",
      let position = slots.firstIndex(of: .addressed(entry.index))
    {
      return FieldPath.joined("metadata.recipients[\(position)]", FieldPath.proto(entry.rest))
    }
    if let entry = FieldPath.entry(domainField), entry.list == "metadata.unaddressedRecipients",
      let position = slots.firstIndex(of: .unaddressed(entry.index))
    {
      return "metadata.recipients[\(position)].name"
    }
    return FieldPath.proto(domainField)
  }
}
