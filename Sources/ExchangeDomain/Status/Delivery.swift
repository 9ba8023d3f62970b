import Foundation
import ReformKit

/// One receiver's copy of a document (the protocol's `ExchangeDelivery`): where it arrived, its
/// arrival number, its state and every notice about it, oldest first.
///
/// A copy comes into being delivered, with the automatic 01 (``init(receiver:arrivalNumber:arrivalTime:)``),
/// or is rebuilt from its stored history (``init(receiver:arrivalNumber:arrivalTime:replaying:)``);
/// every later notice goes through ``record(_:)``, so the history always obeys the status machine.
public struct Delivery: Sendable, Hashable {
  /// The receiving organ.
  public let receiver: Organ
  /// Số đến: the receiver's arrival number within ``arrivalYear``.
  public let arrivalNumber: Int
  /// Ngày, giờ đến (UTC).
  public let arrivalTime: Date
  /// The current state.
  public private(set) var state: DeliveryState
  /// Every notice about this copy, oldest first; the first is 01.
  public private(set) var history: [StatusNotice]

  /// A copy just delivered to `receiver`: at 01, whose notice goes back to the sender
  /// automatically.
  public init(receiver: Organ, arrivalNumber: Int, arrivalTime: Date) {
    self.receiver = receiver
    self.arrivalNumber = arrivalNumber
    self.arrivalTime = arrivalTime
    let arrived = StatusNotice(code: .arrived, actor: .receiver, organId: receiver.organId, time: arrivalTime)
    state = DeliveryState(status: .arrived)
    history = [arrived]
  }

  /// A copy rebuilt from its stored `history`, which must begin with 01 and obey the status
  /// machine throughout.
  public init(receiver: Organ, arrivalNumber: Int, arrivalTime: Date, replaying history: [StatusNotice])
    throws(TransitionError)
  {
    self.receiver = receiver
    self.arrivalNumber = arrivalNumber
    self.arrivalTime = arrivalTime
    state = .notDelivered
    self.history = []
    for notice in history { try record(notice) }
  }

  /// Records `notice` if the status machine takes it (``DeliveryState/applying(_:by:detail:)``).
  public mutating func record(_ notice: StatusNotice) throws(TransitionError) {
    state = try state.applying(notice.code, by: notice.actor, detail: notice.detail)
    history.append(notice)
  }

  /// The year the arrival number belongs to: the receiver's incoming book is per year, in
  /// Asia/Ho_Chi_Minh.
  public var arrivalYear: Int { CivilDate(arrivalTime).year }

  /// The day the copy arrived, in Asia/Ho_Chi_Minh.
  public var arrivalDate: CivilDate { CivilDate(arrivalTime) }

  /// When the last notice was given; the arrival time before any.
  public var lastNoticeTime: Date { history.last?.time ?? arrivalTime }

  /// When the copy was registered (03), if it was.
  public var registrationTime: Date? { history.first { $0.code == .registered }?.time }

  /// True once the receiver agreed to a recall (15): the copy is void and the sender's document
  /// is frozen, delivered to no one further.
  public var freezesSenderDocument: Bool { state.isVoid }
}
