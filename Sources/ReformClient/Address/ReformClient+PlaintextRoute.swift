import Foundation
import GRPCNIOTransportHTTP2

extension ReformClient.Address {
  /// The target to dial without TLS: a Unix socket, or a host whose addresses are all
  /// loopback (127.0.0.0/8 or ::1) — anything else would send the bearer token across a
  /// network in the clear, so it is refused unless the caller says `insecure`.
  ///
  /// Loopback is decided from the addresses the host resolves to, never from its name
  /// (`127.evil.example` is a name like any other), and the connection is then made to those
  /// very addresses, so a second lookup cannot answer differently. The refusal comes before
  /// any connection is attempted.
  ///
  /// - Parameter insecure: Allow plaintext to any address (the operator's `--insecure`).
  /// - Throws: ``ReformError`` with code `invalidArgument` saying what to give instead.
  func plaintextTarget(insecure: Bool) throws(ReformError) -> any ResolvableTarget {
    guard case .tcp(let host, let port) = self else { return resolvableTarget }
    let addresses: [ResolvedAddress]
    do {
      addresses = try ResolvedAddress.lookUp(host)
    } catch {
      if insecure { return resolvableTarget }
      throw ReformError(
        code: .invalidArgument,
        message: "refusing plaintext to \(self): \(error.message); plaintext is sent only to an address that resolves to loopback. Use TLS (--tls or --tls-ca), or allow plaintext explicitly (--insecure)")
    }
    if let loopback = ResolvedAddress.loopbackTarget(addresses, port: port) { return loopback }
    guard insecure else {
      let shown = addresses.map(\.text).joined(separator: ", ")
      throw ReformError(
        code: .invalidArgument,
        message: "refusing plaintext to \(self) (\(shown)): not a loopback address, so the token would cross the network unencrypted. Use TLS (--tls or --tls-ca), or allow plaintext explicitly (--insecure)")
    }
    return resolvableTarget
  }
}

extension ReformClient.Address {
  /// Whether plaintext to this address stays on this machine: a Unix socket, or a host that
  /// resolves, and only to loopback addresses (127.0.0.0/8, ::1). A name that does not
  /// resolve is not loopback.
  public var resolvesToLoopback: Bool {
    pinnedToLoopback != nil
  }

  /// The address to dial in plaintext so that nothing can leave the machine: a Unix socket as
  /// it is, a host name replaced by the loopback address it resolves to (so a second lookup
  /// cannot answer differently); `nil` when the host is not loopback or does not resolve.
  public var pinnedToLoopback: ReformClient.Address? {
    guard case .tcp(let host, let port) = self else { return self }
    guard let addresses = try? ResolvedAddress.lookUp(host), addresses.allSatisfy(\.isLoopback),
      let first = addresses.first(where: { !$0.isIPv6 }) ?? addresses.first
    else { return nil }
    return .tcp(host: first.text, port: port)
  }
}

/// One IP address a host name resolved to, as the system's resolver gave it.
struct ResolvedAddress: Equatable, Sendable {
  /// The address in its usual text form, `127.0.0.1` or `::1`.
  var text: String
  /// Whether it is IPv6.
  var isIPv6: Bool
  /// Whether it is loopback: 127.0.0.0/8, or ::1.
  var isLoopback: Bool

  /// Every address `host` names: the literal itself, or what the resolver answers for a name.
  ///
  /// - Throws: ``ReformError`` (`invalidArgument`) when the name does not resolve.
  static func lookUp(_ host: String) throws(ReformError) -> [ResolvedAddress] {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, nil, &hints, &list)
    guard status == 0, let list else {
      throw ReformError(code: .invalidArgument, message: "\(host) does not resolve (\(String(cString: gai_strerror(status))))")
    }
    defer { freeaddrinfo(list) }
    var found: [ResolvedAddress] = []
    for entry in sequence(first: list, next: { $0.pointee.ai_next }) {
      guard let address = entry.pointee.ai_addr else { continue }
      switch Int32(address.pointee.sa_family) {
      case AF_INET:
        var ip = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
        let firstByte = UInt8(truncatingIfNeeded: UInt32(bigEndian: ip.s_addr) >> 24)
        found.append(ResolvedAddress(text: text(of: &ip, family: AF_INET), isIPv6: false, isLoopback: firstByte == 127))
      case AF_INET6:
        var ip = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
        let bytes = withUnsafeBytes(of: ip) { Array($0) }
        found.append(ResolvedAddress(text: text(of: &ip, family: AF_INET6), isIPv6: true, isLoopback: bytes == Array(repeating: 0, count: 15) + [1]))
      default:
        continue
      }
    }
    guard !found.isEmpty else { throw ReformError(code: .invalidArgument, message: "\(host) has no IP address") }
    var unique: [ResolvedAddress] = []
    for address in found where !unique.contains(address) { unique.append(address) }
    return unique
  }

  /// The target that dials exactly `addresses` when every one is loopback; `nil` otherwise.
  /// IPv4 is preferred when the name has both (`localhost`), as the coordinator listens on
  /// 127.0.0.1 by default.
  static func loopbackTarget(_ addresses: [ResolvedAddress], port: Int) -> (any ResolvableTarget)? {
    guard !addresses.isEmpty, addresses.allSatisfy(\.isLoopback) else { return nil }
    let v4 = addresses.filter { !$0.isIPv6 }
    if !v4.isEmpty {
      return ResolvableTargets.IPv4(addresses: v4.map { SocketAddress.IPv4(host: $0.text, port: port) })
    }
    return ResolvableTargets.IPv6(addresses: addresses.map { SocketAddress.IPv6(host: $0.text, port: port) })
  }

  private static func text<Address>(of address: inout Address, family: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    _ = inet_ntop(family, &address, &buffer, socklen_t(buffer.count))
    return String(cString: buffer)
  }
}
