/// The state of one receiver's copy of a document: its processing state (01–06) and its recall
/// state (13, 15, 16), as the protocol's `ExchangeDelivery.status` and `recall_status`.
///
/// ``applying(_:by:detail:)`` is the whole status machine.
public struct DeliveryState: Sendable, Hashable, CustomStringConvertible {
  /// The last processing notice (01–06); nil before delivery.
  public var status: NoticeCode?
  /// The recall state.
  public var recall: RecallState

  /// A state; `status` must be nil or one of 01–06.
  public init(status: NoticeCode?, recall: RecallState = .none) {
    precondition(status?.isProcessingState ?? true, "a processing state is one of 01–06")
    self.status = status
    self.recall = recall
  }

  /// Before delivery: the only state 01 may be given in.
  public static let notDelivered = DeliveryState(status: nil)

  /// Voided by an agreed recall (15).
  public var isVoid: Bool { recall == .agreed }

  /// The state as a person reads it, with the code: `03 Đã tiếp nhận`,
  /// `13 Yêu cầu lấy lại (processing held at 03 Đã tiếp nhận)`, `15 Đồng ý lấy lại (copy voided)`.
  public var description: String {
    guard let status else { return "chưa đến (not delivered)" }
    switch recall {
    case .requested: return "\(NoticeCode.recallRequested) (processing held at \(status))"
    case .agreed: return "\(NoticeCode.recallAgreed) (copy voided)"
    case .none, .refused: return status.description
    }
  }
}
