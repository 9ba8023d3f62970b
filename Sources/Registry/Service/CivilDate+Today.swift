import Foundation
import RegistryDomain

extension CivilDate {
  /// The date in Vietnam (UTC+7, without daylight saving since 1975) at the instant `date`:
  /// "today" for a call, since the bloc's decisions are dated in Vietnam's time.
  static func inVietnam(at date: Date) -> CivilDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return CivilDate(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }
}
