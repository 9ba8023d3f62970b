extension SingleValueDecodingContainer {
  /// A value a file writes as text (a date, a kind, a period): the string, parsed by `parse`;
  /// one it does not parse is refused with `refusal` of the text, at this value's place in the
  /// file.
  func decodeText<Value>(_ parse: (String) -> Value?, refusal: (String) -> String) throws -> Value {
    let text = try decode(String.self)
    guard let value = parse(text) else {
      throw DecodingError.dataCorruptedError(in: self, debugDescription: refusal(text))
    }
    return value
  }
}
