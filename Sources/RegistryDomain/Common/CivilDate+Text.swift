extension CivilDate: CustomStringConvertible {
  /// ISO 8601, `YYYY-MM-DD`: the form CSV files and JSON use.
  public var description: String {
    CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2)
  }

  /// The Vietnamese form, `DD/MM/YYYY`, for what a person reads.
  public var vietnameseText: String {
    CivilDate.pad(day, 2) + "/" + CivilDate.pad(month, 2) + "/" + String(year)
  }

  /// Reads `YYYY-MM-DD` or the Vietnamese `DD/MM/YYYY` (also `D/M/YYYY`); `nil` for anything
  /// else or for a day that does not exist.
  public init?(parsing text: some StringProtocol) {
    let bytes = Array(text.utf8)
    if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = CivilDate.number(bytes[0..<4]), let month = CivilDate.number(bytes[5..<7]),
      let day = CivilDate.number(bytes[8..<10])
    {
      self.init(validating: year, month: month, day: day)
      return
    }
    let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
      parts[2].count == 4, let day = CivilDate.number(parts[0]), let month = CivilDate.number(parts[1]),
      let year = CivilDate.number(parts[2])
    else { return nil }
    self.init(validating: year, month: month, day: day)
  }

  /// Decimal digits only; `nil` for an empty or non-digit slice.
  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    guard !digits.isEmpty else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
