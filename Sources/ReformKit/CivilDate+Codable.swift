extension CivilDate: Codable {
  /// Reads `"YYYY-MM-DD"` (``init(iso:)``); anything else is an error at this field's path.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CivilDate(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\"\(text)\" is not a date written YYYY-MM-DD")
    }
    self = date
  }

  /// Writes `"YYYY-MM-DD"` (``iso``).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}
