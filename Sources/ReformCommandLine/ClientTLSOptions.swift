import ArgumentParser
import Foundation
import ReformClient

/// The TLS options of a program that dials a coordinator (`reformctl`, `reformd worker`):
/// `--tls` with the system's roots, `--tls-ca` for a private authority, and `--tls-cert` with
/// `--tls-key` for mutual TLS. Each may also come from the environment (`REFORM_TLS_CA`,
/// `REFORM_TLS_CERT`, `REFORM_TLS_KEY`), so that a shell sets them once.
public struct ClientTLSOptions: ParsableArguments, Sendable {
  @Flag(help: "Speak TLS to the coordinator, trusting the system's certificate authorities (implied by --tls-ca or --tls-cert).")
  public var tls = false

  @Option(help: ArgumentHelp("PEM file of the authority that signed the coordinator's certificate. Default: $REFORM_TLS_CA.", valueName: "file"))
  public var tlsCa: String?

  @Option(help: ArgumentHelp("PEM client certificate for mutual TLS. Default: $REFORM_TLS_CERT.", valueName: "file"))
  public var tlsCert: String?

  @Option(help: ArgumentHelp("PEM private key of --tls-cert. Default: $REFORM_TLS_KEY.", valueName: "file"))
  public var tlsKey: String?

  public init() {}

  /// The client's TLS configuration, or nil for plaintext.
  ///
  /// - Throws: `ValidationError` naming the option when a file is missing or a certificate
  ///   comes without its key.
  public func resolved() throws -> ClientTLS? {
    let environment = ProcessInfo.processInfo.environment
    func pick(_ option: String?, _ variable: String) -> String? {
      option ?? environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }
    let ca = pick(tlsCa, "REFORM_TLS_CA")
    let certificate = pick(tlsCert, "REFORM_TLS_CERT")
    let key = pick(tlsKey, "REFORM_TLS_KEY")
    guard tls || ca != nil || certificate != nil || key != nil else { return nil }
    do {
      return try ClientTLS(trustRootsFile: ca, certificateFile: certificate, privateKeyFile: key).validated()
    } catch let error as ReformError {
      throw ValidationError(error.message)
    }
  }
}
