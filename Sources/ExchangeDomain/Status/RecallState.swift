/// Where a receiver's copy stands with respect to a recall (lấy lại), beside its processing
/// state.
public enum RecallState: Sendable, Hashable, CaseIterable {
  /// Never recalled.
  case none
  /// 13: the sender asked for it back and the receiver has not answered; processing waits.
  case requested
  /// 15: the receiver agreed; the copy is void and takes no further notice.
  case agreed
  /// 16: the receiver refused the last recall; processing goes on and the sender may ask again.
  case refused

  /// The notice that brought the copy here (the protocol's `recall_status`); nil for ``none``.
  public var noticeCode: NoticeCode? {
    switch self {
    case .none: nil
    case .requested: .recallRequested
    case .agreed: .recallAgreed
    case .refused: .recallRefused
    }
  }
}
