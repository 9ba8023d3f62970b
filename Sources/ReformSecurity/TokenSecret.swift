import Foundation

/// A bearer token's secret: `rf_` followed by 32 random bytes in unpadded base64url.
///
/// The secret is shown once, when its token is created, and then lives only with whoever holds
/// it; the system keeps its ``TokenHash``. Printing a `TokenSecret` (in a log line, an error,
/// a `dump`) shows a redacted form, so that a secret cannot leak through string interpolation.
///
/// ## Topics
/// - ``generate()``, ``generate(using:)``: a new secret.
/// - ``init(parsing:)``: checks the shape of a secret a caller presented.
/// - ``plaintext``: the secret itself, for the one response or file that carries it.
/// - ``hash``: what ``TokenStore`` keeps and looks tokens up by.
public struct TokenSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// The fixed prefix: it lets secret scanners and people recognise a Reform token.
  public static let prefix = "rf_"

  /// Random bytes per secret: 256 bits, beyond any guessing.
  public static let randomByteCount = 32

  /// Characters after the prefix: 32 bytes make 43 base64url characters without padding.
  static let encodedLength = 43

  /// The secret itself. Only the response that creates a token and a token file carry it.
  public let plaintext: String

  private init(unchecked plaintext: String) {
    self.plaintext = plaintext
  }

  /// Checks that `text` has the shape of a secret (prefix, length, base64url alphabet), so that
  /// a malformed credential is refused without touching the store.
  ///
  /// Returns `nil` for anything else; the text is not echoed back anywhere.
  public init?(parsing text: String) {
    guard text.hasPrefix(Self.prefix) else { return nil }
    let body = text.utf8.dropFirst(Self.prefix.utf8.count)
    guard body.count == Self.encodedLength, body.allSatisfy(Self.isBase64URL) else { return nil }
    self.init(unchecked: text)
  }

  /// A new secret from the system's cryptographically secure generator.
  public static func generate() -> TokenSecret {
    var generator = SystemRandomNumberGenerator()
    return generate(using: &generator)
  }

  /// A new secret from `generator`; tests pass a seeded one, production uses ``generate()``.
  public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> TokenSecret {
    let bytes = (0..<randomByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return TokenSecret(unchecked: prefix + Self.base64URL(bytes))
  }

  /// The SHA-256 of the secret: the only form in which the system stores it.
  public var hash: TokenHash { TokenHash(of: self) }

  /// Redacted: the prefix and the first four characters, enough to tell tokens apart in a
  /// support conversation but useless to an attacker.
  public var description: String {
    String(plaintext.prefix(Self.prefix.count + 4)) + "…(redacted)"
  }

  /// Redacted, like ``description``.
  public var debugDescription: String { "TokenSecret(\(description))" }

  /// Redacted, so that `dump` and debuggers' summaries do not show the secret either.
  public var customMirror: Mirror { Mirror(self, children: ["redacted": description]) }

  private static func isBase64URL(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
      true
    default:
      false
    }
  }

  private static func base64URL(_ bytes: [UInt8]) -> String {
    // base64url (RFC 4648 §5) keeps the token safe in URLs, headers and shell words.
    String(
      Data(bytes).base64EncodedString()
        .replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_")
        .prefix { $0 != "=" }
    )
  }
}
