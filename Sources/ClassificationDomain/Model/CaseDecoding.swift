/// Decodes the closed enums of a rule set by their raw value, refusing an unknown spelling
/// with a message that lists the spellings allowed.
enum CaseDecoding {
  /// The case of `Value` spelt as the string in `decoder`.
  static func decode<Value: RawRepresentable & CaseIterable>(
    _: Value.Type, from decoder: any Decoder, what: String
  ) throws -> Value where Value.RawValue == String {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = Value(rawValue: text) else {
      let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\"\(text)\" is not \(what); expected one of: \(allowed)")
    }
    return value
  }
}
