import Foundation

/// Where a process serves its metrics: `PORT` (on 127.0.0.1), `HOST:PORT` or `[IPv6]:PORT`.
///
/// Metrics tell who calls what and how often, so they stay on loopback unless the operator
/// says otherwise in so many words (`--metrics-public`); there is no TLS on this listener.
public struct MetricsAddress: Sendable, Equatable, CustomStringConvertible {
  public let host: String
  public let port: Int

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  public init(parsing text: String, allowPublic: Bool = false) throws(MetricsAddressError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let host: String
    let portText: Substring
    if let port = Int(trimmed) {
      (host, portText) = ("127.0.0.1", Substring(String(port)))
    } else if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
      host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
      let rest = trimmed[trimmed.index(after: close)...]
      guard rest.hasPrefix(":") else { throw .malformed(text) }
      portText = rest.dropFirst()
    } else if let colon = trimmed.lastIndex(of: ":"), !trimmed[..<colon].contains(":") {
      host = String(trimmed[..<colon])
      portText = trimmed[trimmed.index(after: colon)...]
    } else {
      throw .malformed(text)
    }
    guard !host.isEmpty, let port = Int(portText), (1...65_535).contains(port) else { throw .malformed(text) }
    guard allowPublic || Self.isLoopback(host) else { throw .notLoopback(host) }
    self.host = host
    self.port = port
  }

  public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

  static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }
}

public enum MetricsAddressError: Error, Equatable, CustomStringConvertible {
  case malformed(String)
  case notLoopback(String)

  public var description: String {
    switch self {
    case .malformed(let text):
      "--metrics-listen: '\(text)' is not PORT, HOST:PORT or [IPv6]:PORT with a port from 1 to 65535"
    case .notLoopback(let host):
      "--metrics-listen: \(host) is not a loopback address; metrics are served without TLS, so add --metrics-public to serve them there"
    }
  }
}
