import Crypto
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import SwiftASN1
import X509

/// How the coordinator serves TLS on its TCP endpoints: its certificate and key, and, for
/// mutual TLS, the certificate authority whose client certificates it requires.
///
/// Unix-socket endpoints stay plaintext: only processes that may open the socket file reach
/// them. Under mutual TLS every TCP connection must show a certificate the client CA signed;
/// a call that also carries a bearer token acts as the token's principal, and one that does
/// not acts as the principal bound to the certificate (`reformctl tokens create
/// --certificate FILE`), if any.
///
/// ## Topics
/// - ``init(certificateChainFile:privateKeyFile:clientCAFile:)``
/// - ``certificateSHA256(of:)``: how a certificate is named in the token store.
public struct ServerTLS: Sendable, Equatable {
  /// PEM certificate chain the coordinator presents.
  public var certificateChainFile: String
  /// PEM private key of the certificate.
  public var privateKeyFile: String
  /// PEM certificate authorities of client certificates; set, a client certificate is required.
  public var clientCAFile: String?

  public init(certificateChainFile: String, privateKeyFile: String, clientCAFile: String? = nil) {
    self.certificateChainFile = certificateChainFile
    self.privateKeyFile = privateKeyFile
    self.clientCAFile = clientCAFile
  }

  /// The transport's form of this configuration.
  var transportSecurity: HTTP2ServerTransport.Posix.TransportSecurity {
    let chain: [TLSConfig.CertificateSource] = [.file(path: certificateChainFile, format: .pem)]
    let key: TLSConfig.PrivateKeySource = .file(path: privateKeyFile, format: .pem)
    guard let clientCAFile else { return .tls(certificateChain: chain, privateKey: key) }
    return .mTLS(certificateChain: chain, privateKey: key) { config in
      config.trustRoots = .certificates([.file(path: clientCAFile, format: .pem)])
    }
  }

  /// The SHA-256 of a certificate's DER encoding: what `openssl x509 -noout -fingerprint
  /// -sha256` prints, and what binds a principal to it.
  public static func certificateSHA256(of certificate: Certificate) -> [UInt8]? {
    var serializer = DER.Serializer()
    guard (try? serializer.serialize(certificate)) != nil else { return nil }
    return Array(SHA256.hash(data: serializer.serializedBytes))
  }

  /// The SHA-256 of the client certificate the call's connection showed, if any.
  static func peerCertificateSHA256(_ context: ServerContext) -> [UInt8]? {
    guard let posix = context.transportSpecific as? HTTP2ServerTransport.Posix.Context,
      let certificate = posix.peerCertificate
    else { return nil }
    return certificateSHA256(of: certificate)
  }
}
