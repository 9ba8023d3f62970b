import ReformKit

/// Listing a receiver's inbox: filtered by ``InboxFilter`` and ordered urgent first — Hỏa tốc,
/// Thượng khẩn, Khẩn, then normal — and within one urgency by arrival (year, then số đến).
public enum Inbox {
  /// The entries `filter` admits on `today`, in inbox order; `newestFirst` reverses the arrival
  /// order within each urgency.
  public static func list(
    _ entries: [InboxEntry], filter: InboxFilter = InboxFilter(), today: CivilDate, newestFirst: Bool = false
  ) -> [InboxEntry] {
    entries.filter { filter.admits($0, today: today) }
      .sorted { precedes($0, $1, newestFirst: newestFirst) }
  }

  /// Whether `lhs` comes before `rhs` in inbox order. Ties (which one receiver's numbering never
  /// produces) fall back to the DocumentId, so the order is total and stable.
  public static func precedes(_ lhs: InboxEntry, _ rhs: InboxEntry, newestFirst: Bool = false) -> Bool {
    let (left, right) = (lhs.document.metadata.urgency, rhs.document.metadata.urgency)
    if left != right { return left > right }
    let leftArrival = (lhs.delivery.arrivalYear, lhs.delivery.arrivalNumber)
    let rightArrival = (rhs.delivery.arrivalYear, rhs.delivery.arrivalNumber)
    if leftArrival != rightArrival { return newestFirst ? leftArrival > rightArrival : leftArrival < rightArrival }
    return lhs.document.documentId.description < rhs.document.documentId.description
  }
}
