import ReformModule

/// How long a free text field may be, so that a megabyte in a name is refused with the field
/// named rather than stored.
struct TextLimit {
  /// The most characters accepted.
  let characters: Int

  /// Codes, names, numbers, titles: 1,000 characters.
  static let short = TextLimit(characters: 1_000)
  /// Notes, reasons, explanations: 20,000 characters.
  static let long = TextLimit(characters: 20_000)

  /// The text, when it is within the limit.
  ///
  /// - Throws: `INVALID_ARGUMENT` on `field`, with the limit.
  func checked(_ text: String, field: String) throws -> String {
    // UTF-8 length bounds the character count from above: count characters only when needed.
    if text.utf8.count > characters, text.count > characters {
      throw FieldError.invalid(field, "is longer than \(characters) characters (\(text.count))")
    }
    return text
  }
}
