import ExchangeDomain
import Foundation
import Testing

/// One (state, notice, actor) combination.
struct Move: Hashable, Sendable, CustomTestStringConvertible {
  var state: DeliveryState
  var code: NoticeCode
  var actor: NoticeActor

  var testDescription: String { "\(code.code) by \(actor) at \(state)" }
}

/// Every state a copy can be in: not delivered, or a processing state with any recall state.
private let everyState: [DeliveryState] =
  [.notDelivered]
  + NoticeCode.allCases.filter(\.isProcessingState).flatMap { status in
    RecallState.allCases.map { DeliveryState(status: status, recall: $0) }
  }

private let everyMove: [Move] = everyState.flatMap { state in
  NoticeCode.allCases.flatMap { code in NoticeActor.allCases.map { Move(state: state, code: code, actor: $0) } }
}

/// The allowed moves and where each leads; every move not listed is refused. Spelled out from
/// the rules, not from the implementation.
private let allowedMoves: [Move: DeliveryState] = {
  var table: [Move: DeliveryState] = [
    Move(state: .notDelivered, code: .arrived, actor: .receiver): DeliveryState(status: .arrived)
  ]
  // Processing goes the same way whether no recall was made or the last one was refused (16).
  for recall in [RecallState.none, .refused] {
    func at(_ status: NoticeCode) -> DeliveryState { DeliveryState(status: status, recall: recall) }
    func allow(from: NoticeCode, _ code: NoticeCode, by actor: NoticeActor = .receiver, to: DeliveryState) {
      table[Move(state: at(from), code: code, actor: actor)] = to
    }
    allow(from: .arrived, .refused, to: at(.refused))
    allow(from: .arrived, .registered, to: at(.registered))
    allow(from: .registered, .assigned, to: at(.assigned))
    allow(from: .assigned, .assigned, to: at(.assigned))
    for from in [NoticeCode.registered, .assigned, .inProgress] {
      allow(from: from, .inProgress, to: at(.inProgress))
      allow(from: from, .done, to: at(.done))
    }
    for from in [NoticeCode.arrived, .registered, .assigned, .inProgress, .done] {
      allow(from: from, .recallRequested, by: .sender, to: DeliveryState(status: from, recall: .requested))
    }
  }
  for status in NoticeCode.allCases where status.isProcessingState {
    let open = DeliveryState(status: status, recall: .requested)
    table[Move(state: open, code: .recallAgreed, actor: .receiver)] = DeliveryState(status: status, recall: .agreed)
    table[Move(state: open, code: .recallRefused, actor: .receiver)] = DeliveryState(status: status, recall: .refused)
  }
  return table
}()

@Suite("Status machine")
struct StatusMachineTests {
  @Test func theTableCoversEveryCombination() {
    #expect(everyMove.count == 25 * 9 * 2)
    #expect(Set(allowedMoves.keys).isSubset(of: Set(everyMove)))
  }

  @Test(arguments: everyMove)
  func everyMoveIsAllowedOrRefusedAsTheTableSays(move: Move) {
    let result = Result { () throws(TransitionError) in
      try move.state.applying(move.code, by: move.actor, detail: "Lý do: sai nơi nhận")
    }
    switch (allowedMoves[move], result) {
    case (let expected?, .success(let next)):
      #expect(next == expected)
    case (let expected?, .failure(let error)):
      Issue.record("expected \(expected), refused: \(error)")
    case (nil, .success(let next)):
      Issue.record("expected a refusal, got \(next)")
    case (nil, .failure(let error)):
      let wrongParty = move.actor != (move.code == .recallRequested ? .sender : .receiver)
      #expect(error.kind == (wrongParty ? .permissionDenied : .failedPrecondition))
      #expect(error.code == move.code)
      #expect(error.state == move.state)
      if !wrongParty { #expect(error.message.contains(move.state.description)) }
    }
  }

  @Test func aRefusalNamesTheCurrentStateInVietnameseAndByCode() {
    #expect {
      try DeliveryState(status: .registered).applying(.refused, by: .receiver, detail: "Không thuộc thẩm quyền")
    } throws: { error in
      guard let error = error as? TransitionError else { return false }
      return error.kind == .failedPrecondition && error.field == "code" && error.message.contains("03 Đã tiếp nhận")
    }
  }

  @Test(arguments: [NoticeCode.refused, .recallRefused])
  func aRefusalNeedsAReason(code: NoticeCode) {
    let state = code == .refused ? DeliveryState(status: .arrived) : DeliveryState(status: .arrived, recall: .requested)
    #expect {
      try state.applying(code, by: .receiver, detail: " ")
    } throws: { error in
      guard let error = error as? TransitionError else { return false }
      return error.kind == .invalidArgument && error.field == "detail"
    }
  }

  @Test func aRecallNeedsAReason() {
    #expect(throws: TransitionError.self) {
      try DeliveryState(status: .registered).applying(.recallRequested, by: .sender, detail: "")
    }
  }

  @Test func agreeingToARecallVoidsTheCopyAndFreezesTheSendersDocument() throws {
    var copy = Delivery(receiver: Sample.homeAffairs, arrivalNumber: 1, arrivalTime: instant("2025-10-15T09:00:00+07:00"))
    try copy.record(notice(.recallRequested, by: .sender, at: "2025-10-15T10:00:00+07:00", detail: "Sai số liệu phụ lục"))
    try copy.record(notice(.recallAgreed, at: "2025-10-15T10:30:00+07:00"))
    #expect(copy.state.isVoid)
    #expect(copy.freezesSenderDocument)
    #expect(throws: TransitionError.self) { try copy.record(notice(.registered, at: "2025-10-15T11:00:00+07:00")) }
  }

  @Test func refusingARecallReturnsTheCopyToItsStateBeforeTheRequest() throws {
    var copy = Delivery(receiver: Sample.homeAffairs, arrivalNumber: 1, arrivalTime: instant("2025-10-15T09:00:00+07:00"))
    try copy.record(notice(.registered, at: "2025-10-15T09:10:00+07:00"))
    try copy.record(notice(.assigned, at: "2025-10-15T09:20:00+07:00", detail: "Phòng Tổ chức"))
    try copy.record(notice(.recallRequested, by: .sender, at: "2025-10-15T10:00:00+07:00", detail: "Sai số liệu"))
    try copy.record(notice(.recallRefused, at: "2025-10-15T10:30:00+07:00", detail: "Đã triển khai thực hiện"))
    #expect(copy.state == DeliveryState(status: .assigned, recall: .refused))
    try copy.record(notice(.inProgress, at: "2025-10-15T11:00:00+07:00"))
    #expect(copy.state.status == .inProgress)
  }

  @Test func aDeliveredCopyStartsAt01WithItsAutomaticNotice() {
    let arrival = instant("2025-10-15T09:00:00+07:00")
    let copy = Delivery(receiver: Sample.finance, arrivalNumber: 42, arrivalTime: arrival)
    #expect(copy.state == DeliveryState(status: .arrived))
    #expect(copy.history == [StatusNotice(code: .arrived, actor: .receiver, organId: Sample.finance.organId, time: arrival)])
  }

  @Test func theHistoryKeepsWhoWhenCodeDescriptionAndStaff() throws {
    var copy = Delivery(receiver: Sample.homeAffairs, arrivalNumber: 7, arrivalTime: instant("2025-10-15T09:00:00+07:00"))
    let staff = Staff(fullName: "Lò Văn Pấng", department: "Văn phòng", email: "vanphong@snv.laichau.gov.vn", phone: "0213 3876 543")
    let assigned = StatusNotice(
      code: .assigned, actor: .receiver, organId: Sample.homeAffairs.organId,
      time: instant("2025-10-15T14:00:00+07:00"), detail: "Giao Phòng Cải cách hành chính", staff: staff)
    try copy.record(notice(.registered, at: "2025-10-15T09:05:00+07:00"))
    try copy.record(assigned)
    #expect(copy.history.map(\.code) == [.arrived, .registered, .assigned])
    #expect(copy.history.last == assigned)
    #expect(copy.lastNoticeTime == assigned.time)
  }

  @Test func aStoredHistoryIsReplayedThroughTheMachine() throws {
    let arrival = instant("2025-10-15T09:00:00+07:00")
    let history = [
      StatusNotice(code: .arrived, actor: .receiver, organId: Sample.homeAffairs.organId, time: arrival),
      notice(.registered, at: "2025-10-15T09:05:00+07:00"),
      notice(.done, at: "2025-10-16T09:05:00+07:00"),
    ]
    let copy = try Delivery(receiver: Sample.homeAffairs, arrivalNumber: 1, arrivalTime: arrival, replaying: history)
    #expect(copy.state.status == .done)
    #expect(throws: TransitionError.self) {
      try Delivery(receiver: Sample.homeAffairs, arrivalNumber: 1, arrivalTime: arrival, replaying: Array(history.dropFirst()))
    }
  }

  private func notice(_ code: NoticeCode, by actor: NoticeActor = .receiver, at time: String, detail: String = "")
    -> StatusNotice
  {
    StatusNotice(
      code: code, actor: actor, organId: actor == .sender ? Sample.issuer : Sample.homeAffairs.organId,
      time: instant(time), detail: detail)
  }
}
