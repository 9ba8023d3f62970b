/// A calendar date without a time or a zone (ngày), as regulations and decisions are dated.
///
/// Encoded in JSON as `"YYYY-MM-DD"`. Dates order by year, then month, then day.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, e.g. 2025.
  public var year: Int
  /// The month, 1–12.
  public var month: Int
  /// The day of the month, 1–31.
  public var day: Int

  /// The date `year`-`month`-`day`; check ``isValid`` before trusting input.
  public init(_ year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether the date exists in the Gregorian calendar (29 February only in leap years).
  public var isValid: Bool {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
    return day <= Self.daysIn(month: month, year: year)
  }

  /// `YYYY-MM-DD`, e.g. `2025-08-30`.
  public var description: String {
    "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
  }

  /// The Vietnamese way of writing it, e.g. `30/8/2025`.
  public var vietnamese: String { "\(day)/\(month)/\(year)" }

  /// The date written `YYYY-MM-DD`; `nil` when `text` is not that shape or not a real date.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year, month, day)
    guard isValid else { return nil }
  }

  /// Whether `lhs` is the earlier date.
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

extension CivilDate: Codable {
  /// Reads `"YYYY-MM-DD"`; anything else is an error at this field's path.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CivilDate(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\"\(text)\" is not a date written YYYY-MM-DD")
    }
    self = date
  }

  /// Writes `"YYYY-MM-DD"`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
