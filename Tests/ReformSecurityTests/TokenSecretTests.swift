import Foundation
import Testing

@testable import ReformSecurity

@Suite("Token secrets and their hashes")
struct TokenSecretTests {
  @Test func aSecretIsRfPrefixAnd43Base64URLCharacters() {
    let secret = TokenSecret.generate()
    #expect(secret.plaintext.hasPrefix("rf_"))
    #expect(secret.plaintext.count == 46)
    let body = secret.plaintext.dropFirst(3)
    #expect(body.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    #expect(TokenSecret(parsing: secret.plaintext) != nil)
  }

  @Test func twoSecretsDiffer() {
    #expect(TokenSecret.generate().plaintext != TokenSecret.generate().plaintext)
  }

  @Test(arguments: [
    "", "rf_", "hello", "Bearer rf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "rf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  // one short
    "rf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  // one long
    "rf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",  // base64, not base64url
    "rf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",  // padding
    "xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  ])
  func aSecretOfAnyOtherShapeIsMalformed(text: String) {
    #expect(TokenSecret(parsing: text) == nil)
  }

  @Test func theHashIsTheSHA256OfTheWholeSecretInLowercaseHex() throws {
    // SHA-256 of the ASCII text "rf_" + 43 × "A", computed independently (Python hashlib).
    let secret = try #require(TokenSecret(parsing: "rf_" + String(repeating: "A", count: 43)))
    #expect(secret.hash.hex == "f071c5f672e86b559c0858a5fcc9e50d3e5614307bc8b0401292b51d293ce45f")
  }

  @Test func hashesCompareEqualOnlyWhenEveryByteMatches() throws {
    let secret = TokenSecret.generate()
    #expect(secret.hash == TokenHash(of: secret))
    #expect(secret.hash != TokenSecret.generate().hash)
    #expect(TokenHash.constantTimeEqual([1, 2, 3], [1, 2, 3]))
    #expect(!TokenHash.constantTimeEqual([1, 2, 3], [1, 2, 4]))
    #expect(!TokenHash.constantTimeEqual([1, 2, 3], [1, 2]))
    #expect(TokenHash(hex: "XYZ") == nil)
  }

  @Test func printingASecretNeverShowsIt() {
    let secret = TokenSecret.generate()
    #expect(!"\(secret)".contains(secret.plaintext))
    #expect(!String(reflecting: secret).contains(secret.plaintext))
    var dumped = ""
    dump(secret, to: &dumped)
    #expect(!dumped.contains(secret.plaintext))
    #expect("\(secret)".hasSuffix("…(redacted)"))
  }
}
