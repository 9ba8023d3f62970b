extension CivilDate {
  /// The date as `yyyy<sep>mm<sep>dd` with zero padding: `/` for a DocumentId
  /// (`2015/09/30`), `-` for edXML and ISO 8601 (`2015-09-30`).
  public func formatted(separator: Character) -> String {
    let year = String(year)
    let month = String(month)
    let day = String(day)
    return String(repeating: "0", count: 4 - year.count) + year + String(separator)
      + (month.count == 1 ? "0" : "") + month + String(separator)
      + (day.count == 1 ? "0" : "") + day
  }

  /// Reads exactly `yyyy<sep>mm<sep>dd` in ASCII digits; nil for anything else, including a
  /// date that does not exist.
  public init?(parsing text: some StringProtocol, separator: Character) {
    let parts = text.split(separator: separator, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }
}

extension Character {
  /// 0–9 only: `isNumber` would also take other scripts' digits and fractions.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
