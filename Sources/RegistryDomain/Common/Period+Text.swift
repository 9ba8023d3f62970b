extension Period: CustomStringConvertible, Codable {
  /// `2024`, `2024-H1`, `2024-Q3`, `2024-M07` or `2020-2025`.
  public var description: String {
    switch type {
    case .year: return String(year)
    case .halfYear: return "\(year)-H\(index)"
    case .quarter: return "\(year)-Q\(index)"
    case .month: return index < 10 ? "\(year)-M0\(index)" : "\(year)-M\(index)"
    case .term: return "\(year)-\(endYear)"
    }
  }

  /// The Vietnamese form for what a person reads: "Năm 2024", "6 tháng đầu năm 2024",
  /// "Quý III/2024", "Tháng 7/2024", "Giai đoạn 2020–2025".
  public var vietnameseText: String {
    switch type {
    case .year: return "Năm \(year)"
    case .halfYear: return index == 1 ? "6 tháng đầu năm \(year)" : "6 tháng cuối năm \(year)"
    case .quarter: return "Quý \(["I", "II", "III", "IV"][max(0, min(3, index - 1))])/\(year)"
    case .month: return "Tháng \(index)/\(year)"
    case .term: return "Giai đoạn \(year)–\(endYear)"
    }
  }

  /// Reads the forms of ``description``; `nil` for anything else or an invalid period.
  public init?(parsing text: some StringProtocol) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
    if parts.count == 1 {
      self = .year(year)
    } else if parts.count == 2 {
      let rest = parts[1]
      if rest.count == 4, let last = Int(rest) {
        self = .term(year, last)
      } else if let letter = rest.first, let index = Int(rest.dropFirst()), rest.count >= 2 {
        switch letter {
        case "H": self = .half(index, of: year)
        case "Q": self = .quarter(index, of: year)
        case "M" where rest.count == 3: self = .month(index, of: year)
        default: return nil
        }
      } else {
        return nil
      }
    } else {
      return nil
    }
    guard isValid else { return nil }
  }

  /// Decodes the text form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let period = Period(parsing: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a period such as 2024, 2024-Q3 or 2020-2025, got \"\(text)\"")
    }
    self = period
  }

  /// Encodes the text form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
