import Foundation
import ReformClient

/// Where spans are sent: `--otlp-endpoint`, an OTLP/gRPC collector's URL, `http://HOST:PORT`
/// (plaintext) or `https://HOST:PORT` (TLS, checked against the system's roots). The port is
/// OTLP/gRPC's 4317 when left out.
public struct OTLPEndpoint: Sendable, Hashable, CustomStringConvertible {
  /// The collector's address as ``ReformClient`` dials it: `HOST:PORT` or `[IPv6]:PORT`.
  public let address: String
  /// Whether the connection uses TLS.
  public let usesTLS: Bool

  /// A malformed endpoint, said with the flag's name.
  public struct Malformed: Error, CustomStringConvertible {
    public var description: String
  }

  /// OTLP/gRPC's port.
  public static let defaultPort = 4317

  public init(parsing text: String) throws(Malformed) {
    func malformed(_ reason: String) -> Malformed {
      Malformed(description: "--otlp-endpoint '\(text)': \(reason); give http://HOST:PORT or https://HOST:PORT")
    }
    guard text.utf8.count <= 512, let url = URLComponents(string: text) else { throw malformed("not a URL") }
    guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
      throw malformed("the scheme must be http or https")
    }
    guard let host = url.host, !host.isEmpty else { throw malformed("no host") }
    guard url.user == nil, url.password == nil, url.query == nil, url.fragment == nil, url.path.isEmpty || url.path == "/"
    else { throw malformed("only a scheme, a host and a port are allowed") }
    let port = url.port ?? Self.defaultPort
    guard (1...65_535).contains(port) else { throw malformed("the port must be from 1 to 65535") }
    let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
    address = bare.contains(":") ? "[\(bare)]:\(port)" : "\(bare):\(port)"
    usesTLS = scheme == "https"
  }

  public var description: String { (usesTLS ? "https://" : "http://") + address }
}
