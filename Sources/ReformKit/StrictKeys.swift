/// Refuses JSON objects with keys a type does not read, so that a misspelt parameter in a rule
/// set (`minHundreths`) is an error naming it rather than a silently ignored default.
///
/// Types that are always strict call ``check(_:allowed:)``; a type shared by strict and lenient
/// readers (``SourceRef``) calls ``checkIfRequested(_:allowed:)``, and a strict reader asks for
/// it by setting ``requested`` in its decoder's `userInfo`.
public enum StrictKeys {
  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
  }

  /// The `userInfo` key by which a decoder asks shared types to refuse unknown keys too.
  public static let requested = CodingUserInfoKey(rawValue: "ReformKit.StrictKeys.requested")!

  /// Throws a `DecodingError` at the unknown key's path when the object holds a key that is
  /// not one of `allowed`'s.
  public static func check<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, allowed: Keys.Type) throws {
    let known = Set(Keys.allCases.map(\.stringValue))
    let container = try decoder.container(keyedBy: AnyKey.self)
    for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
    where !known.contains(key.stringValue) {
      let expected = known.sorted().joined(separator: ", ")
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath + [key],
          debugDescription: "unknown key \"\(key.stringValue)\"; expected one of: \(expected)"))
    }
  }

  /// ``check(_:allowed:)`` when the decoder's `userInfo` sets ``requested``; nothing otherwise.
  public static func checkIfRequested<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, allowed: Keys.Type) throws {
    guard decoder.userInfo[requested] as? Bool == true else { return }
    try check(decoder, allowed: allowed)
  }
}
