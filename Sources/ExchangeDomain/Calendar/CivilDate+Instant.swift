import Foundation

extension CivilDate {
  /// Asia/Ho_Chi_Minh, where every date of the exchange is read. Vietnam has kept UTC+7 without
  /// daylight saving since 1975, so a fixed offset stands in where the system lacks the zone.
  public static let vietnamTimeZone: TimeZone =
    TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

  /// The day `instant` falls on in `timeZone` (by default Asia/Ho_Chi_Minh).
  public init(_ instant: Date, in timeZone: TimeZone = CivilDate.vietnamTimeZone) {
    let local = (instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))).rounded(.down)
    let seconds = Int(local)
    let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    self.init(dayNumber: dayNumber)
  }
}
