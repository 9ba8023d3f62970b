import Crypto

/// The SHA-256 of a ``TokenSecret``, as 64 lowercase hexadecimal digits: what ``TokenStore``
/// keeps in place of the secret and looks tokens up by.
///
/// Equality is constant-time, so that comparing a presented hash with a stored one takes the
/// same time wherever the two first differ.
public struct TokenHash: Sendable, Equatable, CustomStringConvertible {
  /// 64 lowercase hexadecimal digits.
  public let hex: String

  /// The hash of `secret`.
  public init(of secret: TokenSecret) {
    let digest = SHA256.hash(data: Array(secret.plaintext.utf8))
    self.hex = Self.hexDigits(digest)
  }

  /// A hash read back from storage; `nil` unless `hex` is 64 lowercase hexadecimal digits.
  /// Wraps a digest computed elsewhere, e.g. the SHA-256 of a client certificate.
  public init(bytes digest: [UInt8]) {
    self.hex = Self.hexDigits(digest)
  }

  public init?(hex: String) {
    guard hex.utf8.count == 64,
      hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else { return nil }
    self.hex = hex
  }

  /// The hex digits: a hash is not a secret, so it may be shown.
  public var description: String { hex }

  /// Constant-time comparison: every byte is compared whatever the earlier ones were.
  public static func == (lhs: TokenHash, rhs: TokenHash) -> Bool {
    constantTimeEqual(Array(lhs.hex.utf8), Array(rhs.hex.utf8))
  }

  /// Whether `lhs` and `rhs` hold the same bytes, in time that depends only on their lengths.
  public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices {
      difference |= lhs[index] ^ rhs[index]
    }
    return difference == 0
  }

  private static func hexDigits<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(64)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
