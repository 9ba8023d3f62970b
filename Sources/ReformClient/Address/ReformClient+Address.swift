extension ReformClient {
  /// Where a Reform coordinator listens: a TCP host and port, or a Unix socket.
  ///
  /// Written as `host:port` (`127.0.0.1:7420`, `reform.example.vn:7420`, `[::1]:7420`) or
  /// `unix:/path/to.sock` (also `unix:relative/path` and `unix:///absolute/path`, as gRPC names
  /// them). ``parse(_:)`` reads that form and ``description`` writes it back.
  public enum Address: Sendable, Hashable, CustomStringConvertible {
    /// A TCP address: an IPv4 or IPv6 literal, or a DNS name, and a port.
    case tcp(host: String, port: Int)
    /// A Unix-domain socket at a file-system path.
    case unix(path: String)

    /// Reads an address written as `host:port` or `unix:PATH`.
    ///
    /// - Throws: ``ReformError`` with code ``ReformError/Code-swift.struct/invalidArgument``
    ///   naming what is wrong, e.g. a missing or out-of-range port.
    public static func parse(_ text: String) throws(ReformError) -> Address {
      func invalid(_ reason: String) -> ReformError {
        ReformError(
          code: .invalidArgument,
          message: "bad address '\(text)': \(reason); expected host:port, [ipv6]:port or unix:/path/to.sock"
        )
      }

      if text.hasPrefix("unix:") {
        var path = Substring(text.dropFirst("unix:".count))
        // `unix:///abs` is the URI form of `unix:/abs`; strip the empty authority.
        if path.hasPrefix("//") { path = path.dropFirst(2) }
        guard !path.isEmpty else { throw invalid("the socket path is empty") }
        return .unix(path: String(path))
      }

      let host: Substring
      let portText: Substring
      if text.hasPrefix("[") {
        guard let close = text.firstIndex(of: "]") else { throw invalid("']' is missing") }
        host = text[text.index(after: text.startIndex)..<close]
        let rest = text[text.index(after: close)...]
        guard rest.hasPrefix(":") else { throw invalid("the port is missing") }
        portText = rest.dropFirst()
      } else {
        guard let colon = text.lastIndex(of: ":") else { throw invalid("the port is missing") }
        host = text[..<colon]
        portText = text[text.index(after: colon)...]
        // A bare IPv6 literal has colons of its own: it needs brackets to carry a port.
        guard !host.contains(":") else { throw invalid("write an IPv6 address in brackets") }
      }
      guard !host.isEmpty else { throw invalid("the host is empty") }
      guard let port = Int(portText), (1...65_535).contains(port) else {
        throw invalid("the port must be a number from 1 to 65535")
      }
      return .tcp(host: String(host), port: port)
    }

    /// The address in the form ``parse(_:)`` reads.
    public var description: String {
      switch self {
      case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
      case .unix(let path): "unix:\(path)"
      }
    }
  }
}
