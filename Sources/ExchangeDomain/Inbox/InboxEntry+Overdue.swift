import ReformKit

extension InboxEntry {
  /// Quá hạn: the due date has passed on `today` (Asia/Ho_Chi_Minh) and the copy has not
  /// reached 06.
  ///
  /// A copy due today is not yet overdue. A refused copy (02) has gone back to the sender and a
  /// voided one (15) no longer exists for the receiver, so neither counts.
  public func isOverdue(asOf today: CivilDate) -> Bool {
    daysOverdue(asOf: today) > 0
  }

  /// Calendar days past the due date on `today`; 0 when the copy is not overdue.
  public func daysOverdue(asOf today: CivilDate) -> Int {
    guard let dueDate = document.metadata.dueDate, !delivery.state.isVoid else { return 0 }
    switch delivery.state.status {
    case .done?, .refused?, nil: return 0
    default: return max(0, dueDate.days(to: today))
    }
  }
}
