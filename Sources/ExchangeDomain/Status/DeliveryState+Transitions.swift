extension DeliveryState {
  /// The state after `code` given by `actor` with `detail`, or why it cannot be given.
  ///
  /// The transitions of one receiver's copy (edXML, QCVN 102:2016/BTTTT):
  ///
  /// | notice | by | allowed when the copy is at |
  /// |---|---|---|
  /// | 01 Đã đến | receiver (automatically) | not yet delivered |
  /// | 02 Từ chối tiếp nhận | receiver, with a reason | 01 |
  /// | 03 Đã tiếp nhận | receiver | 01 |
  /// | 04 Phân công | receiver | 03 or 04 (reassignment) |
  /// | 05 Đang xử lý | receiver | 03, 04 or 05 (a further progress report) |
  /// | 06 Hoàn thành | receiver | 03, 04 or 05 |
  /// | 13 Yêu cầu lấy lại | sender, with a reason | 01, 03, 04, 05 or 06, no recall open |
  /// | 15 Đồng ý lấy lại | receiver | a recall open (13) |
  /// | 16 Từ chối lấy lại | receiver, with a reason | a recall open (13) |
  ///
  /// While a recall is open only 15 and 16 are taken: the receiver answers before it goes on.
  /// 15 voids the copy for good; 16 returns it to the processing state it had, and the sender
  /// may ask again. A refused copy (02) has gone back to the sender and cannot be recalled; a
  /// completed one (06) can, since a document found wrong after handling still has to be taken
  /// back.
  ///
  /// Throws `permissionDenied` when `actor` does not give `code`, `failedPrecondition` naming the
  /// current state when the state does not take it, and `invalidArgument` on `detail` when a
  /// reason is required and blank.
  public func applying(_ code: NoticeCode, by actor: NoticeActor, detail: String) throws(TransitionError)
    -> DeliveryState
  {
    guard actor == code.givenBy else {
      throw TransitionError(
        .permissionDenied, field: "code", code: code, state: self,
        "\(code) is given by the \(code.givenBy), not the \(actor)")
    }
    guard let next = successor(after: code) else {
      throw TransitionError(
        .failedPrecondition, field: "code", code: code, state: self,
        "\(code) cannot be given while the copy is at \(self): \(code.allowedWhen)")
    }
    if code.requiresReason && detail.isBlank {
      throw TransitionError(
        .invalidArgument, field: "detail", code: code, state: self, "\(code) requires a reason")
    }
    return next
  }

  /// The state `code` leads to from here, nil when this state does not take it.
  private func successor(after code: NoticeCode) -> DeliveryState? {
    switch (code, recall) {
    case (_, .agreed): return nil
    case (.recallAgreed, .requested): return DeliveryState(status: status, recall: .agreed)
    case (.recallRefused, .requested): return DeliveryState(status: status, recall: .refused)
    case (_, .requested), (.recallAgreed, _), (.recallRefused, _): return nil
    case (.recallRequested, _):
      guard let status, status != .refused else { return nil }
      return DeliveryState(status: status, recall: .requested)
    default:
      guard code.predecessors.contains(status) else { return nil }
      return DeliveryState(status: code, recall: recall)
    }
  }
}

extension NoticeCode {
  /// The processing states a processing notice may follow (nil: not yet delivered).
  fileprivate var predecessors: Set<NoticeCode?> {
    switch self {
    case .arrived: [nil]
    case .refused, .registered: [.arrived]
    case .assigned: [.registered, .assigned]
    case .inProgress, .done: [.registered, .assigned, .inProgress]
    case .recallRequested, .recallAgreed, .recallRefused: []
    }
  }

  /// When the notice is allowed, for the refusal message.
  fileprivate var allowedWhen: String {
    switch self {
    case .arrived: "01 is given once, on delivery"
    case .refused: "a copy is refused only right after it arrived (01)"
    case .registered: "a copy is registered only right after it arrived (01)"
    case .assigned: "a copy is assigned once registered (03) or to reassign it (04)"
    case .inProgress: "a copy is handled once registered (03), assigned (04) or in progress (05)"
    case .done: "a copy is completed once registered (03), assigned (04) or in progress (05)"
    case .recallRequested:
      "a copy can be recalled once delivered, unless it was refused (02), voided (15) or a recall is open (13)"
    case .recallAgreed, .recallRefused: "a recall is answered only while one is open (13)"
    }
  }
}
