import GRPCNIOTransportHTTP2

/// An address a coordinator listens on or a worker dials: `host:port` or `unix:/path`.
public struct ReformAddress: Hashable, Sendable, CustomStringConvertible {
  private enum Base: Hashable, Sendable {
    case tcp(host: String, port: Int)
    case unix(path: String)
  }

  private let base: Base

  /// A bad address, with what was wrong with it.
  public struct Invalid: Error, CustomStringConvertible {
    public var description: String
  }

  /// Parses `host:port`, `[v6-host]:port` or `unix:/path`.
  public init(_ text: String) throws {
    if text.hasPrefix("unix:") {
      let path = String(text.dropFirst(5))
      guard !path.isEmpty else { throw Invalid(description: "'\(text)': a Unix socket address needs a path, e.g. unix:/run/reform.sock") }
      base = .unix(path: path)
      return
    }
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
      throw Invalid(description: "'\(text)': expected HOST:PORT (e.g. 127.0.0.1:7420) or unix:PATH")
    }
    var host = String(text[..<colon])
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty else { throw Invalid(description: "'\(text)': the host is missing") }
    base = .tcp(host: host, port: port)
  }

  public static func unix(_ path: String) -> ReformAddress { ReformAddress(base: .unix(path: path)) }
  public static func tcp(host: String, port: Int) -> ReformAddress { ReformAddress(base: .tcp(host: host, port: port)) }
  private init(base: Base) { self.base = base }

  public var description: String {
    switch base {
    case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    case .unix(let path): "unix:\(path)"
    }
  }

  /// The Unix socket path, for an `unix:` endpoint.
  public var unixPath: String? {
    if case .unix(let path) = base { return path }
    return nil
  }

  /// Whether plaintext is acceptable here without the operator saying so: Unix sockets and
  /// the loopback range only.
  public var isLocal: Bool {
    switch base {
    case .unix: true
    case .tcp(let host, _): host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
  }

  var serverAddress: GRPCNIOTransportCore.SocketAddress {
    switch base {
    case .tcp(let host, let port): host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port)
    case .unix(let path): .unixDomainSocket(path: path)
    }
  }

  /// The address as a gRPC client target.
  public var clientTarget: any ResolvableTarget {
    switch base {
    case .tcp(let host, let port):
      if host.contains(":") { return .ipv6(address: host, port: port) }
      if host.allSatisfy({ $0.isNumber || $0 == "." }) { return .ipv4(address: host, port: port) }
      return .dns(host: host, port: port)
    case .unix(let path): return .unixDomainSocket(path: path)
    }
  }
}
