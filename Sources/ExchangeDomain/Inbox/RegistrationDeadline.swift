import Foundation
import ReformKit

/// When an incoming document must be registered (vào sổ, notice 03) at the latest: urgent
/// documents at once, all others the same day or the next working day (Nghị định
/// 30/2020/NĐ-CP, quản lý văn bản đến).
///
/// A rule is data: ``nghiDinh30`` is the one in force, read as "on the day of arrival" for
/// urgent documents — weekend or not, since urgency does not wait — and "by the end of the next
/// working day" for the others. Working days follow the weekend-only rule of
/// ``CivilDate/isWorkingDay``; days are those of Asia/Ho_Chi_Minh.
public struct RegistrationDeadline: Sendable, Hashable {
  /// Where the rule comes from.
  public var source: String
  /// Calendar days after the day of arrival an urgent document may wait: 0 is the same day.
  public var urgentCalendarDays: Int
  /// Working days after the day of arrival a normal document may wait.
  public var normalWorkingDays: Int

  /// A rule.
  public init(source: String, urgentCalendarDays: Int, normalWorkingDays: Int) {
    self.source = source
    self.urgentCalendarDays = urgentCalendarDays
    self.normalWorkingDays = normalWorkingDays
  }

  /// Nghị định 30/2020/NĐ-CP: urgent the same day, others by the next working day.
  public static let nghiDinh30 = RegistrationDeadline(
    source: "Nghị định 30/2020/NĐ-CP, quản lý văn bản đến", urgentCalendarDays: 0, normalWorkingDays: 1)

  /// The last day on which a document of `urgency` that arrived on `arrival` may be registered.
  public func lastDay(arrivedOn arrival: CivilDate, urgency: Urgency) -> CivilDate {
    if urgency.isUrgent { return arrival.adding(days: urgentCalendarDays) }
    var day = arrival
    for _ in 0..<normalWorkingDays { day = day.nextWorkingDay() }
    return day
  }

  /// Whether a document of `urgency` that arrived at `arrival` and was registered at
  /// `registration` was registered late: on a day after ``lastDay(arrivedOn:urgency:)``.
  public func wasLate(arrival: Date, registration: Date, urgency: Urgency) -> Bool {
    CivilDate(registration) > lastDay(arrivedOn: CivilDate(arrival), urgency: urgency)
  }
}
