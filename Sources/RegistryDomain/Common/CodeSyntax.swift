/// The spelling of stable identifiers: unit codes, person ids, indicator codes and set ids.
///
/// Letters, digits, `.`, `-` and `_` only (ASCII, so they survive any system and file name),
/// 1–64 characters: the rule `unit.proto` and `indicator.proto` state for codes.
public enum CodeSyntax {
  /// The longest code accepted.
  public static let maxLength = 64

  /// Whether `code` is 1–``maxLength`` ASCII letters, digits, `.`, `-` or `_`.
  public static func isValid(_ code: String) -> Bool {
    let bytes = code.utf8
    guard !bytes.isEmpty, bytes.count <= maxLength else { return false }
    return bytes.allSatisfy { byte in
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
        || byte == 0x2e || byte == 0x2d || byte == 0x5f
    }
  }

  /// The message for a code that breaks the rule.
  public static func problem(with code: String) -> String {
    code.isEmpty
      ? "is required"
      : "\"\(code)\" must be 1 to \(maxLength) letters, digits, '.', '-' or '_'"
  }
}
