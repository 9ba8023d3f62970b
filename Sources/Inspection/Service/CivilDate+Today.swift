import Foundation
import InspectionDomain

extension CivilDate {
  /// The day it is in Vietnam (UTC+7, no daylight saving) at `instant`: what "today" means for
  /// visits already begun and for measuring time since a visit.
  static func vietnamDay(at instant: Date) -> CivilDate {
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + 7 * 3_600
    let (days, remainder) = seconds.quotientAndRemainder(dividingBy: 86_400)
    return CivilDate.firstDay(of: 1970).adding(days: remainder < 0 ? days - 1 : days)
  }
}
