import ReformKit

extension CivilDate {
  /// The years a date of the registry may name: the oldest member's birth to well past any
  /// term the bloc will plan. Outside them a date is refused wherever it enters (wire, CSV), so
  /// that no year-sized arithmetic meets a hostile number.
  public static let supportedYears = 1900...2200

  /// Whether the date exists (``CivilDate/isValid``) and lies within ``supportedYears``.
  public var isSupported: Bool { isValid && CivilDate.supportedYears.contains(year) }

  /// Reads `YYYY-MM-DD` or the Vietnamese `DD/MM/YYYY` (also `D/M/YYYY`), as CSV files and the
  /// store write dates; `nil` for anything else, for a day that does not exist or for a year
  /// outside ``supportedYears``.
  public init?(parsing text: some StringProtocol) {
    guard let date = CivilDate(iso: text) ?? CivilDate(vietnamese: text), date.isSupported else { return nil }
    self = date
  }
}
