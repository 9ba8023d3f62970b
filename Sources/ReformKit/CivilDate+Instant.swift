import Foundation

extension CivilDate {
  /// The day it is in Vietnam at `instant`: "today" for a call, the day a document arrived.
  ///
  /// Vietnam keeps Asia/Ho_Chi_Minh's UTC+7 with no daylight saving (since 1975), so the day is
  /// read with that fixed offset, the same on every host whatever its time-zone data.
  public init(_ instant: Date) {
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + CivilDate.vietnamOffsetSeconds
    let (days, remainder) = seconds.quotientAndRemainder(dividingBy: 86_400)
    self.init(dayNumber: remainder < 0 ? days - 1 : days)
  }

  /// Vietnam's offset from UTC, seven hours.
  static let vietnamOffsetSeconds = 7 * 3_600
}
