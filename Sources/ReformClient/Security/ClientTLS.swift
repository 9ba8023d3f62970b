import Foundation
import GRPCNIOTransportHTTP2

/// How a client (a ``ReformClient``, `reformctl`, or a worker dialling its coordinator) speaks
/// TLS to a coordinator: which certificate authorities it trusts, and the certificate it shows
/// when the coordinator asks for one (mutual TLS).
///
/// The server's certificate is always verified, host name included; with no
/// ``trustRootsFile`` the system's roots are used.
///
/// ## Topics
/// - ``init(trustRootsFile:certificateFile:privateKeyFile:)``
/// - ``validated()``: the file checks, each naming its option.
public struct ClientTLS: Sendable, Equatable {
  /// PEM file of the certificate authorities that may sign the coordinator's certificate;
  /// `nil` for the system's roots.
  public var trustRootsFile: String?
  /// PEM certificate chain to present under mutual TLS; `nil` for none.
  public var certificateFile: String?
  /// PEM private key of ``certificateFile``.
  public var privateKeyFile: String?

  public init(trustRootsFile: String? = nil, certificateFile: String? = nil, privateKeyFile: String? = nil) {
    self.trustRootsFile = trustRootsFile
    self.certificateFile = certificateFile
    self.privateKeyFile = privateKeyFile
  }

  /// This configuration once its files exist and a certificate comes with its key.
  ///
  /// - Throws: ``ReformError`` with code `invalidArgument`, naming the option to fix.
  public func validated() throws -> ClientTLS {
    if (certificateFile == nil) != (privateKeyFile == nil) {
      throw ReformError(code: .invalidArgument, message: "tls: a client certificate needs its private key and the key its certificate (--tls-cert with --tls-key)")
    }
    for (option, path) in [("--tls-ca", trustRootsFile), ("--tls-cert", certificateFile), ("--tls-key", privateKeyFile)] {
      if let path, !FileManager.default.isReadableFile(atPath: path) {
        throw ReformError(code: .invalidArgument, message: "\(option) \(path): no such readable file")
      }
    }
    return self
  }

  /// The transport's form of this configuration.
  public var transportSecurity: HTTP2ClientTransport.Posix.TransportSecurity {
    .tls { config in
      if let trustRootsFile {
        config.trustRoots = .certificates([.file(path: trustRootsFile, format: .pem)])
      }
      if let certificateFile, let privateKeyFile {
        config.certificateChain = [.file(path: certificateFile, format: .pem)]
        config.privateKey = .file(path: privateKeyFile, format: .pem)
      }
    }
  }
}
