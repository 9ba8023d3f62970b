import GRPCNIOTransportHTTP2

extension ReformClient.Address {
  /// The gRPC target that reaches the address: an IP literal is used as is, any other host
  /// name goes through DNS.
  var resolvableTarget: any ResolvableTarget {
    switch self {
    case .unix(let path):
      return .unixDomainSocket(path: path)
    case .tcp(let host, let port):
      if host.contains(":") { return .ipv6(address: host, port: port) }
      if host.isIPv4Literal { return .ipv4(address: host, port: port) }
      return .dns(host: host, port: port)
    }
  }
}

extension String {
  /// Whether the text is a dotted-quad IPv4 address, e.g. `127.0.0.1`.
  fileprivate var isIPv4Literal: Bool {
    let parts = split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in
        !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && (UInt8(part) != nil)
      }
  }
}
