/// Mã trạng thái: the codes of the edXML status message (QCVN 102:2016/BTTTT). Raw values are
/// the edXML codes and the `ExchangeNoticeCode` values of the protocol.
///
/// 01–06 are the receiver's processing states of its copy; 13 is the sender's recall request and
/// 15/16 the receiver's answer to it. Which code may follow which, and who gives it, is
/// ``DeliveryState/applying(_:by:detail:)``.
public enum NoticeCode: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// 01 Đã đến: the document arrived; given automatically on delivery.
  case arrived = 1
  /// 02 Từ chối tiếp nhận: the receiver refuses the document; a reason is required.
  case refused = 2
  /// 03 Đã tiếp nhận: registered in the receiver's incoming book (vào sổ).
  case registered = 3
  /// 04 Phân công: assigned to a person or department for handling.
  case assigned = 4
  /// 05 Đang xử lý: being handled.
  case inProgress = 5
  /// 06 Hoàn thành: handling is complete; the copy no longer counts as overdue.
  case done = 6
  /// 13 Yêu cầu lấy lại: the sender asks for the document back; a reason is required.
  case recallRequested = 13
  /// 15 Đồng ý lấy lại: the receiver agrees; its copy is voided and the sender's document frozen.
  case recallAgreed = 15
  /// 16 Từ chối lấy lại: the receiver refuses the recall; a reason is required, and processing
  /// goes on from the state the copy had before 13.
  case recallRefused = 16

  /// The two-digit edXML code, e.g. `01`, `13`.
  public var code: String { rawValue < 10 ? "0\(rawValue)" : "\(rawValue)" }

  /// The code's Vietnamese name, e.g. "Đã tiếp nhận".
  public var vietnameseName: String {
    switch self {
    case .arrived: "Đã đến"
    case .refused: "Từ chối tiếp nhận"
    case .registered: "Đã tiếp nhận"
    case .assigned: "Phân công"
    case .inProgress: "Đang xử lý"
    case .done: "Hoàn thành"
    case .recallRequested: "Yêu cầu lấy lại"
    case .recallAgreed: "Đồng ý lấy lại"
    case .recallRefused: "Từ chối lấy lại"
    }
  }

  /// Who gives this notice: the sender for 13, the receiver for every other code.
  public var givenBy: NoticeActor { self == .recallRequested ? .sender : .receiver }

  /// Whether the notice must carry a reason in its detail: 02, 13 and 16.
  public var requiresReason: Bool { self == .refused || self == .recallRequested || self == .recallRefused }

  /// One of 01–06: a processing state rather than a step of a recall.
  public var isProcessingState: Bool { rawValue <= 6 }

  /// Code and name, e.g. `03 Đã tiếp nhận`.
  public var description: String { "\(code) \(vietnameseName)" }
}
