import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The address a caller is counted by, from gRPC's peer text (`ipv4:10.0.0.7:51234`,
/// `ipv6:[2001:db8::7]:51234`, `unix:/run/reform/reform.sock`): the IP without its port, since
/// a caller opens connections from as many ports as it likes, and for IPv6 the /64 a host is
/// usually given whole. Unix-socket callers are one peer, `unix`: whoever may open the socket
/// file on this host.
enum PeerAddress {
  /// The address `peer` is counted by.
  static func key(_ peer: String) -> String {
    if peer.hasPrefix("ipv4:") {
      let rest = peer.dropFirst(5)
      return "ipv4:" + (rest.lastIndex(of: ":").map { String(rest[..<$0]) } ?? String(rest))
    }
    if peer.hasPrefix("ipv6:[") , let close = peer.firstIndex(of: "]") {
      let host = String(peer[peer.index(peer.startIndex, offsetBy: 6)..<close])
      let key = prefix64(host) ?? host
      return key.hasPrefix("ipv4:") ? key : "ipv6:" + key
    }
    if isUnixSocket(peer) { return "unix" }
    return peer
  }

  /// Whether the call came over a Unix socket, i.e. from this host.
  static func isUnixSocket(_ peer: String) -> Bool {
    peer.hasPrefix("unix:")
  }

  /// `host`'s first 64 bits as `2001:db8:0:1::/64`; an IPv4 caller on a dual-stack listener
  /// (`::ffff:a.b.c.d`) as `ipv4:a.b.c.d`, its own address, not one /64 shared by every IPv4 caller.
  private static func prefix64(_ host: String) -> String? {
    var address = in6_addr()
    guard inet_pton(AF_INET6, host, &address) == 1 else { return nil }
    let all = withUnsafeBytes(of: &address) { Array($0) }
    if all.prefix(10).allSatisfy({ $0 == 0 }), all[10] == 0xff, all[11] == 0xff {
      return "ipv4:" + all[12...].map(String.init).joined(separator: ".")
    }
    let bytes = Array(all.prefix(8))
    let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
    return groups.joined(separator: ":") + "::/64"
  }
}
