extension CivilDate: CustomStringConvertible {
  /// ISO 8601, `YYYY-MM-DD`, e.g. `2026-02-14`: see ``iso``.
  public var description: String { iso }

  /// ISO 8601, `YYYY-MM-DD` with zero padding: the form of JSON, CSV, edXML and the stores,
  /// ordered as text as the dates are.
  public var iso: String { formatted(separator: "-") }

  /// The date read from ``iso``'s form; `nil` for anything else or a day that does not exist.
  public init?(iso text: some StringProtocol) {
    self.init(parsing: text, separator: "-")
  }

  /// The date as `yyyy<sep>mm<sep>dd` with zero padding: `/` for an exchange DocumentId
  /// (`2015/09/30`), `-` for ISO 8601 (`2015-09-30`).
  public func formatted(separator: Character) -> String {
    CivilDate.padded(year, 4) + String(separator) + CivilDate.padded(month, 2) + String(separator)
      + CivilDate.padded(day, 2)
  }

  /// Reads exactly `yyyy<sep>mm<sep>dd` in ASCII digits; `nil` for anything else, including a
  /// date that does not exist. `separator` is an ASCII character.
  public init?(parsing text: some StringProtocol, separator: Character) {
    guard let mark = separator.asciiValue else { return nil }
    let parts = Array(text.utf8).split(separator: mark, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = CivilDate.number(parts[0]), let month = CivilDate.number(parts[1]),
      let day = CivilDate.number(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The Vietnamese form, `DD/MM/YYYY` (e.g. `05/09/2025`), for what a person reads.
  public var vietnameseText: String {
    CivilDate.padded(day, 2) + "/" + CivilDate.padded(month, 2) + "/" + String(year)
  }

  /// Reads the Vietnamese `DD/MM/YYYY`, also `D/M/YYYY`; `nil` for anything else or for a day
  /// that does not exist.
  public init?(vietnamese text: some StringProtocol) {
    let parts = Array(text.utf8).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
      parts[2].count == 4, let day = CivilDate.number(parts[0]), let month = CivilDate.number(parts[1]),
      let year = CivilDate.number(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Decimal ASCII digits only; `nil` for an empty or non-digit slice.
  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    guard !digits.isEmpty else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// `value` in decimal, zeros in front up to `width` digits.
  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
