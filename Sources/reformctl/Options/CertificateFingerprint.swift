import Crypto
import Foundation

/// The SHA-256 of a PEM certificate's DER encoding, in lowercase hex: the name under which the
/// coordinator binds a principal to a client certificate. It equals what
/// `openssl x509 -noout -fingerprint -sha256` prints, without the colons.
enum CertificateFingerprint {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The fingerprint of the first certificate in `path`.
  static func sha256(pemFile path: String) throws -> String {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard let begin = text.range(of: "-----BEGIN CERTIFICATE-----"),
      let end = text.range(of: "-----END CERTIFICATE-----", range: begin.upperBound..<text.endIndex)
    else { throw Failure(description: "no PEM certificate (-----BEGIN CERTIFICATE-----) in the file") }
    let body = text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
    guard let der = Data(base64Encoded: String(body)) else {
      throw Failure(description: "the certificate's base64 does not decode")
    }
    return SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
  }
}
